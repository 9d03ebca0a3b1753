import type { RpcCaller } from '@prepmate/contracts';

/**
 * Whether the caller may create this task: a learner their own (`assignedBy` null), or an
 * assignment by its author when they are an admin, or the mentor whose scope the gateway
 * confirmed for this very student (`mentorOf`, docs/security.md).
 */
export function mayCreateTask(
  caller: RpcCaller,
  userId: string,
  assignedBy: string | null,
): boolean {
  if (assignedBy === null) return userId === caller.userId;
  return (
    assignedBy === caller.userId &&
    (caller.role === 'admin' || (caller.role === 'mentor' && caller.mentorOf === userId))
  );
}
