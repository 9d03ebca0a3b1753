import type { TaskStatus } from '@prepmate/contracts';

/**
 * What moves a task (docs/product.md#tasks): the learner starts it, asks for verification
 * (`complete`) or retries a failed one; the verification ends it as verified or not.
 */
export type TaskAction = 'start' | 'complete' | 'verified' | 'not_verified' | 'retry';

const TRANSITIONS: Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus }> = {
  start: { from: ['pending'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'verifying' },
  verified: { from: ['verifying'], to: 'completed' },
  not_verified: { from: ['verifying'], to: 'failed' },
  retry: { from: ['failed'], to: 'in_progress' },
};

export type TransitionOutcome =
  { ok: true; from: TaskStatus; to: TaskStatus } | { ok: false; reason: string };

/** The next status of a task in `status` under `action`, or why the action is not allowed. */
export function transition(status: TaskStatus, action: TaskAction): TransitionOutcome {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(status)) return { ok: true, from: status, to: rule.to };
  return {
    ok: false,
    reason: `a ${status.replace('_', '-')} task cannot be ${PAST[action]} (only ${rule.from
      .map((s) => s.replace('_', '-'))
      .join(' or ')} ones)`,
  };
}

const PAST: Record<TaskAction, string> = {
  start: 'started',
  complete: 'sent to verification',
  verified: 'verified',
  not_verified: 'failed',
  retry: 'retried',
};

/** A task's description and requirements may change until its verification starts. */
export function isEditable(status: TaskStatus): boolean {
  return status === 'pending' || status === 'in_progress';
}

/** Statuses the learner sees as finished (a failed task may still be retried). */
export function isSettled(status: TaskStatus): boolean {
  return status === 'completed' || status === 'failed';
}
