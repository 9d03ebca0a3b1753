import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { useGoals, useTaxonomy } from '../api/queries';
import type { Goal, GoalKind } from '../api/types';
import { Field } from '../components/Field';
import { fieldErrors, LeftoverErrors } from '../components/field-errors';
import { FormError, QueryView } from '../components/states';
import {
  goalPercent,
  goalProgressText,
  goalTitle,
  targetFromInput,
  targetToInput,
} from '../engage/goal-progress';
import { ReadinessCard } from '../engage/ReadinessCard';
import { StreakCard } from '../engage/StreakCard';

const KINDS: { kind: GoalKind; label: string }[] = [
  { kind: 'problems', label: 'Problems solved' },
  { kind: 'minutes', label: 'Minutes of verified tasks' },
  { kind: 'topic_mastery', label: 'Topic mastery' },
];

/** Weekly goals with their progress, the streak and the readiness score. */
export function GoalsPage() {
  const goals = useGoals();
  const taxonomy = useTaxonomy();
  const topicName = (slug: string | null) => taxonomy.data?.find((t) => t.slug === slug)?.name;
  return (
    <section>
      <h1>Goals and progress</h1>
      <div className="grid two">
        <div className="card">
          <h2>This week’s goals</h2>
          <QueryView
            query={goals}
            what="your goals"
            isEmpty={(g) => g.items.length === 0}
            empty={<p>No weekly goal yet: set one below.</p>}
          >
            {(g) => (
              <>
                <p className="muted">
                  Week of {g.items[0].weekStart} to {g.items[0].weekEnd} ({g.timeZone})
                </p>
                <ul className="plain">
                  {g.items.map((goal) => (
                    <GoalRow
                      key={goal.id}
                      goal={goal}
                      title={goalTitle(goal, topicName(goal.topic))}
                    />
                  ))}
                </ul>
              </>
            )}
          </QueryView>
        </div>
        <GoalForm />
      </div>
      <div className="grid two">
        <StreakCard />
        <ReadinessCard />
      </div>
    </section>
  );
}

function GoalRow({ goal, title }: { goal: Goal; title: string }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState(() => targetToInput(goal.kind, goal.target));
  const done = () => void queryClient.invalidateQueries({ queryKey: ['goals'] });
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/v1/me/goals/{goalId}', {
          params: { path: { goalId: goal.id } },
          body: { target: targetFromInput(goal.kind, target) },
        }),
      ),
    onSuccess: () => {
      setEditing(false);
      done();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      call(api.DELETE('/api/v1/me/goals/{goalId}', { params: { path: { goalId: goal.id } } })),
    onSuccess: done,
  });
  const percent = goalPercent(goal);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <li className="goal" data-goal={goal.kind}>
      <div className="row">
        <strong>{title}</strong>
        <span>
          {goal.reached && <span className="badge easy">Reached</span>}
          {goal.atRisk && <span className="badge alert">At risk</span>}
        </span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={title}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={goalProgressText(goal)}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">
        {goalProgressText(goal)} ({percent}%)
      </p>
      {editing ? (
        <form className="filters" onSubmit={onSubmit} noValidate aria-label={`Edit ${title}`}>
          <Field
            label={goal.kind === 'topic_mastery' ? 'Target mastery (%)' : 'Target'}
            error={
              fieldErrors(save.error).at('target') ?? (save.error ? save.error.message : undefined)
            }
          >
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={save.isPending}>
            Save
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Edit target<span className="sr-only"> of {title}</span>
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          >
            Delete<span className="sr-only"> {title}</span>
          </button>
        </div>
      )}
      <FormError error={remove.error} />
    </li>
  );
}

function GoalForm() {
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const [kind, setKind] = useState<GoalKind>('problems');
  const [target, setTarget] = useState('5');
  const [topic, setTopic] = useState('');
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/me/goals', {
          body: {
            kind,
            target: targetFromInput(kind, target),
            ...(kind === 'topic_mastery' && topic ? { topic } : {}),
          },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['goals'] }),
  });
  const { all, shown, at } = fieldErrors(create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="new-goal">
      <h2 id="new-goal">Set a weekly goal</h2>
      <Field label="Kind" error={at('kind')}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as GoalKind)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={kind === 'topic_mastery' ? 'Target mastery (%)' : 'Target this week'}
        error={at('target')}
      >
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        )}
      </Field>
      {kind === 'topic_mastery' && (
        <Field label="Goal topic" error={at('topic')}>
          {(p) => (
            <select {...p} value={topic} onChange={(e) => setTopic(e.target.value)}>
              <option value="">Choose a topic…</option>
              {taxonomy.data?.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {create.error !== null && <LeftoverErrors error={create.error} shown={shown} all={all} />}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Saving…' : 'Add goal'}
      </button>
    </form>
  );
}
