import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTaxonomy } from '../api/queries';
import { type CreateTaskBody, VERIFICATION_SOURCES, type VerificationSource } from '../api/types';
import { Field } from '../components/Field';
import { fieldErrors, LeftoverErrors } from '../components/field-errors';
import { ProblemPicker } from './ProblemPicker';
import { blankTaskDraft, taskBody, type TaskDraft } from './task-body';

/**
 * A new task (the learner's own, or one a mentor assigns). The fields a source needs are the
 * ones shown: a problem for LeetCode/Codeforces, a repository and path for GitHub. Nothing is
 * checked here that the server checks: its validation errors are shown at their fields.
 */
export function TaskForm(props: {
  title: string;
  submitLabel: string;
  submit: (body: CreateTaskBody) => Promise<unknown>;
  onDone: () => void;
}) {
  const taxonomy = useTaxonomy();
  const [draft, setDraft] = useState<TaskDraft>(blankTaskDraft);
  const create = useMutation({
    mutationFn: () => props.submit(taskBody(draft)),
    onSuccess: () => {
      setDraft(blankTaskDraft());
      props.onDone();
    },
  });
  const { all, shown, at } = fieldErrors(create.error);
  const set = (patch: Partial<TaskDraft>) => setDraft({ ...draft, ...patch });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const coding = draft.verificationSource !== 'github';
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="task-form-title">
      <h2 id="task-form-title">{props.title}</h2>
      <Field label="Description" error={at('description')}>
        {(p) => (
          <input
            {...p}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </Field>
      <Field label="Verified on" error={at('verificationSource')}>
        {(p) => (
          <select
            {...p}
            value={draft.verificationSource}
            onChange={(e) => set({ verificationSource: e.target.value as VerificationSource })}
          >
            {VERIFICATION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s === 'github' ? 'GitHub (a commit)' : `${s[0].toUpperCase()}${s.slice(1)}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {coding ? (
        <ProblemPicker
          value={draft.problemId}
          onChange={(problemId) => set({ problemId })}
          error={at('problemId')}
        />
      ) : (
        <>
          <Field
            label="Repository (owner/name)"
            error={at('verificationRequirements.repository') ?? at('verificationRequirements')}
          >
            {(p) => (
              <input
                {...p}
                value={draft.repository}
                onChange={(e) => set({ repository: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Path the commit touches (optional)"
            error={at('verificationRequirements.path')}
          >
            {(p) => (
              <input {...p} value={draft.path} onChange={(e) => set({ path: e.target.value })} />
            )}
          </Field>
        </>
      )}
      <Field label="Topic (optional)" error={at('topic')}>
        {(p) => (
          <select {...p} value={draft.topic} onChange={(e) => set({ topic: e.target.value })}>
            <option value="">No topic</option>
            {taxonomy.data?.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid two">
        <Field label="Estimated minutes (optional)" error={at('estimatedTimeMinutes')}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={draft.estimatedTimeMinutes}
              onChange={(e) => set({ estimatedTimeMinutes: e.target.value })}
            />
          )}
        </Field>
        <Field label="Due (optional)" error={at('dueAt')}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              value={draft.dueAt}
              onChange={(e) => set({ dueAt: e.target.value })}
            />
          )}
        </Field>
      </div>
      {create.error !== null && <LeftoverErrors error={create.error} shown={shown} all={all} />}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Saving…' : props.submitLabel}
      </button>
    </form>
  );
}
