import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import { useTaxonomy } from '../api/queries';
import { LAYERS, type Layer, type Roadmap } from '../api/types';
import { Field } from '../components/Field';
import { LeftoverErrors } from '../components/field-errors';

interface Row {
  topic: string;
  weight: string;
  layer: Layer;
  completionThreshold: string;
}

const blank = (): Row => ({ topic: '', weight: '1', layer: 'core', completionThreshold: '0.6' });

/**
 * Creates a custom roadmap. Nothing is checked here that the server checks: its
 * validation errors (`topics[1].weight`, `topics`, `name`) are shown at their fields.
 */
export function RoadmapForm({ onCreated }: { onCreated: (roadmap: Roadmap) => void }) {
  const taxonomy = useTaxonomy();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rows, setRows] = useState<Row[]>([blank()]);
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/roadmaps/custom', {
          body: {
            name,
            ...(description ? { description } : {}),
            topics: rows.map((r) => ({
              topic: r.topic,
              weight: Number(r.weight),
              layer: r.layer,
              completionThreshold: Number(r.completionThreshold),
            })),
          },
        }),
      ),
    onSuccess: onCreated,
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const shown = new Set<string>();
  const at = (field: string) => {
    if (errors[field]) shown.add(field);
    return errors[field];
  };
  const update = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const form = (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="new-roadmap">
      <h2 id="new-roadmap">Create a roadmap</h2>
      <Field label="Name" error={at('name')}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Description (optional)" error={at('description')}>
        {(p) => (
          <input {...p} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      <fieldset>
        <legend>Topics</legend>
        {rows.map((row, i) => (
          <div className="topic-row" key={i} data-row={i}>
            <Field label={`Topic ${i + 1}`} error={at(`topics[${i}].topic`) ?? at(`topics[${i}]`)}>
              {(p) => (
                <select
                  {...p}
                  value={row.topic}
                  onChange={(e) => update(i, { topic: e.target.value })}
                >
                  <option value="">Choose a topic…</option>
                  {taxonomy.data?.map((t) => (
                    <option key={t.slug} value={t.slug}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Weight" error={at(`topics[${i}].weight`)}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={row.weight}
                  onChange={(e) => update(i, { weight: e.target.value })}
                />
              )}
            </Field>
            <Field label="Layer" error={at(`topics[${i}].layer`)}>
              {(p) => (
                <select
                  {...p}
                  value={row.layer}
                  onChange={(e) => update(i, { layer: e.target.value as Layer })}
                >
                  {LAYERS.map((l) => (
                    <option key={l}>{l}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Threshold" error={at(`topics[${i}].completionThreshold`)}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={row.completionThreshold}
                  onChange={(e) => update(i, { completionThreshold: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="secondary"
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              disabled={rows.length === 1}
              aria-label={`Remove topic ${i + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        {at('topics') && (
          <p className="field-error" role="alert">
            {errors.topics}
          </p>
        )}
        <button type="button" className="secondary" onClick={() => setRows([...rows, blank()])}>
          Add a topic
        </button>
      </fieldset>
      {create.error !== null && <LeftoverErrors error={create.error} shown={shown} all={errors} />}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create roadmap'}
      </button>
    </form>
  );
  return form;
}
