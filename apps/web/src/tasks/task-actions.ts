import type { TaskStatus } from '../api/types';

/** What the learner can do with a task in one status (docs/product.md#tasks, "Lifecycle"). */
export type TaskAction = 'start' | 'complete' | 'retry' | 'reflect' | 'delete';

/**
 * The buttons a task shows: start a pending one, send an in-progress one to verification,
 * retry a failed one (`POST /tasks/:id/start` again), post the reflection of a completed one
 * that has none yet; any task may be deleted except while it is being verified.
 */
export function taskActions(status: TaskStatus, hasReflection = false): TaskAction[] {
  const actions: TaskAction[] = [];
  if (status === 'pending') actions.push('start');
  if (status === 'in_progress') actions.push('complete');
  if (status === 'failed') actions.push('retry');
  if (status === 'completed' && !hasReflection) actions.push('reflect');
  if (status !== 'verifying') actions.push('delete');
  return actions;
}

/** A task being verified is read again every few seconds until it settles. */
export function watchInterval(status: TaskStatus | undefined): number | false {
  return status === 'verifying' ? 2000 : false;
}

const LABELS: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Verified',
  failed: 'Not verified',
};

export function statusLabel(status: TaskStatus): string {
  return LABELS[status];
}
