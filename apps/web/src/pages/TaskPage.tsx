import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { Task } from '../api/types';
import { Field } from '../components/Field';
import { fieldErrors, LeftoverErrors } from '../components/field-errors';
import { FormError, QueryView } from '../components/states';
import { Link, navigate } from '../router';
import { statusLabel, type TaskAction, taskActions, watchInterval } from '../tasks/task-actions';

const BUTTONS: Record<Exclude<TaskAction, 'reflect'>, string> = {
  start: 'Start',
  complete: 'Complete and verify',
  retry: 'Retry',
  delete: 'Delete',
};

/**
 * One task: its state, actions by status, the verification watched while it runs (the live
 * `notification.created` refreshes it at once; polling every 2 s covers a dropped stream),
 * the state audit and, once verified, the reflection.
 */
export function TaskPage({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const task = useQuery({
    queryKey: ['task', id],
    queryFn: () => call(api.GET('/api/v1/tasks/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => watchInterval(query.state.data?.status),
  });
  const act = useMutation({
    mutationFn: async (action: Exclude<TaskAction, 'reflect'>) => {
      const path = { params: { path: { id } } };
      if (action === 'delete') return call(api.DELETE('/api/v1/tasks/{id}', path));
      if (action === 'complete') return call(api.POST('/api/v1/tasks/{id}/complete', path));
      return call(api.POST('/api/v1/tasks/{id}/start', path));
    },
    onSuccess: (answer, action) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      if (action === 'delete') {
        queryClient.removeQueries({ queryKey: ['task', id] });
        navigate('/tasks');
        return;
      }
      queryClient.setQueryData(['task', id], answer as Task);
    },
  });
  return (
    <section>
      <p>
        <Link to="/tasks">← All tasks</Link>
      </p>
      <QueryView query={task} what="the task">
        {(t) => (
          <>
            <h1>{t.description}</h1>
            <div className="card stack">
              <p className="big" role="status" aria-live="polite" data-testid="task-status">
                {statusLabel(t.status)}
                {t.status === 'verifying' && ' — looking for your accepted submission…'}
              </p>
              {t.failureReason && t.status === 'failed' && (
                <p className="warnings">Why: {t.failureReason}</p>
              )}
              {t.evidence && (
                <p>
                  Evidence: {t.evidence.kind} <code>{t.evidence.ref}</code> at{' '}
                  {new Date(t.evidence.at).toLocaleString()}
                </p>
              )}
              <dl className="stats">
                <div>
                  <dt>Verified on</dt>
                  <dd>{t.verificationSource}</dd>
                </div>
                {t.topic && (
                  <div>
                    <dt>Topic</dt>
                    <dd>{t.topic}</dd>
                  </div>
                )}
                {t.verificationRequirements.repository && (
                  <div>
                    <dt>Repository</dt>
                    <dd>
                      {t.verificationRequirements.repository}
                      {t.verificationRequirements.path
                        ? ` (${t.verificationRequirements.path})`
                        : ''}
                    </dd>
                  </div>
                )}
                {t.estimatedTimeMinutes && (
                  <div>
                    <dt>Estimate</dt>
                    <dd>{t.estimatedTimeMinutes} min</dd>
                  </div>
                )}
                {t.dueAt && (
                  <div>
                    <dt>Due</dt>
                    <dd>{new Date(t.dueAt).toLocaleString()}</dd>
                  </div>
                )}
              </dl>
              <div className="actions">
                {taskActions(t.status, Boolean(t.reflectionPostId))
                  .filter((a): a is Exclude<TaskAction, 'reflect'> => a !== 'reflect')
                  .map((action) => (
                    <button
                      key={action}
                      type="button"
                      className={action === 'delete' ? 'secondary' : undefined}
                      disabled={act.isPending}
                      onClick={() => act.mutate(action)}
                    >
                      {BUTTONS[action]}
                    </button>
                  ))}
              </div>
              <FormError error={act.error} />
            </div>
            {taskActions(t.status, Boolean(t.reflectionPostId)).includes('reflect') && (
              <ReflectionForm id={t.id} />
            )}
            {t.reflectionPostId && (
              <p className="card">
                Your reflection is posted: <Link to="/synergy">see it in Synergy</Link>.
              </p>
            )}
            <div className="card">
              <h2>History</h2>
              <ol className="history">
                {t.history.map((step, i) => (
                  <li key={i}>
                    <strong>
                      {step.from ? `${statusLabel(step.from)} → ` : ''}
                      {statusLabel(step.to)}
                    </strong>{' '}
                    <span className="muted">{new Date(step.at).toLocaleString()}</span>
                    <br />
                    {step.cause}
                  </li>
                ))}
              </ol>
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
}

/**
 * The reflection of a verified task. The API exposes advisory's draft only by posting it, so
 * an empty text posts the draft (404 while advisory has not written it yet).
 */
function ReflectionForm({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const post = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/tasks/{id}/reflection', {
          params: { path: { id } },
          body: text.trim() ? { text: text.trim() } : {},
        }),
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(['task', id], answer.task);
      void queryClient.invalidateQueries({ queryKey: ['synergy'] });
    },
  });
  const { all, shown, at } = fieldErrors(post.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate();
  };
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="reflect-title">
      <h2 id="reflect-title">Post your reflection</h2>
      <Field
        label="Reflection"
        hint="What you learnt, for the feed. Leave it empty to post the draft advisory wrote."
        error={at('text')}
      >
        {(p) => <textarea {...p} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      {post.error !== null && <LeftoverErrors error={post.error} shown={shown} all={all} />}
      <button type="submit" disabled={post.isPending}>
        {post.isPending ? 'Posting…' : 'Post reflection'}
      </button>
    </form>
  );
}
