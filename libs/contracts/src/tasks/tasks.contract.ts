/**
 * Tasks a learner takes on and has verified (the daily loop, docs/product.md). Shared here
 * because three services meet on them: roadmap owns tasks, the gateway's mentor routes
 * assign them, and other services listen to `task.completed` / `task.failed`.
 */
export const TASK_VERIFICATION_SOURCES = ['leetcode', 'codeforces', 'github'] as const;
export type TaskVerificationSource = (typeof TASK_VERIFICATION_SOURCES)[number];

export const TASK_STATUSES = [
  'pending',
  'in_progress',
  'verifying',
  'completed',
  'failed',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What a task must show to be verified. */
export interface TaskVerificationRequirements {
  /** github: `owner/name` of a public repository. */
  repository?: string;
  /** github: a path (file or folder) the commit must touch. */
  path?: string;
}

/** A task as a learner (or their mentor) describes it. */
export interface TaskInput {
  description: string;
  topic?: string;
  /** Canonical problem id (required for leetcode / codeforces verification). */
  problemId?: string;
  verificationSource: TaskVerificationSource;
  verificationRequirements?: TaskVerificationRequirements;
  estimatedTimeMinutes?: number;
  /** ISO 8601. */
  dueAt?: string;
}

/** RPC `roadmap.task_create`: a task for `userId`, assigned by a mentor when `assignedBy` is set. */
export interface CreateTaskRpcData {
  userId: string;
  assignedBy: string | null;
  task: TaskInput;
}
