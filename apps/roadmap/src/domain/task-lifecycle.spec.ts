import { TASK_STATUSES, type TaskStatus } from '@prepmate/contracts';
import { isEditable, type TaskAction, transition } from './task-lifecycle';

describe('task lifecycle', () => {
  const allowed: Array<[TaskStatus, TaskAction, TaskStatus]> = [
    ['pending', 'start', 'in_progress'],
    ['in_progress', 'complete', 'verifying'],
    ['verifying', 'verified', 'completed'],
    ['verifying', 'not_verified', 'failed'],
    ['failed', 'retry', 'in_progress'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, from, to });
  });

  it('refuses every other pair with a reason', () => {
    const actions: TaskAction[] = ['start', 'complete', 'verified', 'not_verified', 'retry'];
    for (const status of TASK_STATUSES)
      for (const action of actions) {
        if (allowed.some(([from, a]) => from === status && a === action)) continue;
        const outcome = transition(status, action);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.reason).toMatch(/cannot be/);
      }
  });

  it('a completed task is final: nothing moves it', () => {
    const actions: TaskAction[] = ['start', 'complete', 'verified', 'not_verified', 'retry'];
    expect(actions.map((a) => transition('completed', a).ok)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('explains a refused completion of a task never started', () => {
    expect(transition('pending', 'complete')).toEqual({
      ok: false,
      reason: 'a pending task cannot be sent to verification (only in-progress ones)',
    });
  });

  it('only pending and in-progress tasks are editable', () => {
    expect(TASK_STATUSES.filter(isEditable)).toEqual(['pending', 'in_progress']);
  });
});
