import type { TaskInput } from '@prepmate/contracts';

/** What decides how a task is verified: a mentor's assignment keeps them (docs/product.md#tasks). */
const VERIFICATION_FIELDS = [
  'topic',
  'problemId',
  'verificationSource',
  'verificationRequirements',
] as const;

/**
 * The fields a change may not touch on a task a mentor assigned: its learner may reword it
 * and change its estimate or due date, but not what proves it (else an easy target would
 * show the mentor a "completed" task). Empty for the learner's own tasks.
 */
export function lockedFieldsChanged(
  assignedBy: string | null,
  change: Partial<TaskInput>,
): string[] {
  if (assignedBy === null) return [];
  return VERIFICATION_FIELDS.filter((field) => change[field] !== undefined);
}
