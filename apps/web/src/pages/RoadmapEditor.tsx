import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import { useTaxonomy } from '../api/queries';
import { LAYERS, type Layer, type Roadmap } from '../api/types';
import { Field } from '../components/Field';
import { FormError } from '../components/states';

type Topic = NonNullable<Roadmap['topics']>[number];

/** Server field errors of an update (`weight`) or of an added topic (`topics[0].weight`). */
function fieldsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors()))
    out[field.replace(/^topics\[0\]\./, '')] = message;
  return out;
}

/**
 * Edits a custom roadmap its owner opened: each topic's weight, layer, threshold and
 * dependencies (`PUT …/topics/:topic`), removal, and new topics (`POST …/topics`). As on
 * creation, nothing is checked here that the server checks: its errors show at their fields.
 */
export function RoadmapEditor({ roadmap }: { roadmap: Roadmap }) {
  return (
    <details className="card">
      <summary>Edit this roadmap</summary>
      <ul className="plain stack">
        {(roadmap.topics ?? []).map((t) => (
          <TopicEditor key={t.topic} roadmap={roadmap} topic={t} />
        ))}
      </ul>
      <AddTopic roadmap={roadmap} />
    </details>
  );
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [
      ['roadmap', id],
      ['pci', id],
      ['pci'],
      ['recommendations', id],
      ['time-estimate', id],
      ['roadmaps'],
    ])
      void queryClient.invalidateQueries({ queryKey: key });
  };
}

function TopicEditor({ roadmap, topic }: { roadmap: Roadmap; topic: Topic }) {
  const refresh = useRefresh(roadmap.id);
  const [weight, setWeight] = useState(String(topic.weight));
  const [layer, setLayer] = useState<Layer>(topic.layer);
  const [threshold, setThreshold] = useState(String(topic.completionThreshold));
  const [dependencies, setDependencies] = useState(topic.dependencies.join(', '));
  const path = { params: { path: { roadmapId: roadmap.id, topic: topic.topic } } };
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/v1/roadmaps/custom/{roadmapId}/topics/{topic}', {
          ...path,
          body: {
            weight: Number(weight),
            layer,
            completionThreshold: Number(threshold),
            dependencies: dependencies
              .split(',')
              .map((d) => d.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/roadmaps/custom/{roadmapId}/topics/{topic}', path)),
    onSuccess: refresh,
  });
  const errors = fieldsOf(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <li>
      <form
        className="topic-edit"
        onSubmit={onSubmit}
        noValidate
        aria-label={`Edit ${topic.topicName}`}
      >
        <strong className="topic-name">{topic.topicName}</strong>
        <Field label={`Weight of ${topic.topicName}`} error={errors.weight}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={weight}
              onChange={(e) => setWeight(e.target.value)}
            />
          )}
        </Field>
        <Field label={`Layer of ${topic.topicName}`} error={errors.layer}>
          {(p) => (
            <select {...p} value={layer} onChange={(e) => setLayer(e.target.value as Layer)}>
              {LAYERS.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Threshold of ${topic.topicName}`} error={errors.completionThreshold}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={`${topic.topicName} comes after`}
          error={errors.dependencies}
          hint="topic slugs of this roadmap, comma-separated"
        >
          {(p) => (
            <input {...p} value={dependencies} onChange={(e) => setDependencies(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        <button
          type="button"
          className="secondary"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Remove
        </button>
      </form>
      {save.error !== null && Object.keys(errors).length === 0 && <FormError error={save.error} />}
      <FormError error={remove.error} />
    </li>
  );
}

function AddTopic({ roadmap }: { roadmap: Roadmap }) {
  const refresh = useRefresh(roadmap.id);
  const taxonomy = useTaxonomy();
  const [topic, setTopic] = useState('');
  const [weight, setWeight] = useState('1');
  const [layer, setLayer] = useState<Layer>('core');
  const add = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/roadmaps/custom/{roadmapId}/topics', {
          params: { path: { roadmapId: roadmap.id } },
          body: { topics: [{ topic, weight: Number(weight), layer, completionThreshold: 0.6 }] },
        }),
      ),
    onSuccess: () => {
      setTopic('');
      refresh();
    },
  });
  const errors = fieldsOf(add.error);
  const taken = new Set((roadmap.topics ?? []).map((t) => t.topic));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="topic-edit" onSubmit={onSubmit} noValidate aria-labelledby="add-topic">
      <h3 id="add-topic">Add a topic</h3>
      <Field label="New topic" error={errors.topic ?? errors['topics[0]'] ?? errors.topics}>
        {(p) => (
          <select {...p} value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">Choose a topic…</option>
            {taxonomy.data
              ?.filter((t) => !taken.has(t.slug))
              .map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field label="New topic's weight" error={errors.weight}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
          />
        )}
      </Field>
      <Field label="New topic's layer" error={errors.layer}>
        {(p) => (
          <select {...p} value={layer} onChange={(e) => setLayer(e.target.value as Layer)}>
            {LAYERS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={add.isPending}>
        Add
      </button>
      {add.error !== null && Object.keys(errors).length === 0 && <FormError error={add.error} />}
    </form>
  );
}
