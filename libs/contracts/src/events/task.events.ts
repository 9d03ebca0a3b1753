import type { TaskVerificationSource } from '../tasks/tasks.contract';

/** A task's verification succeeded (roadmap): the evidence names what proved it. */
export interface TaskCompletedPayload {
  taskId: string;
  userId: string;
  /** Canonical topic slug, when the task names one. */
  topic: string | null;
  /** Canonical problem id, when the task names one. */
  problemId: string | null;
  verificationSource: TaskVerificationSource;
  /** A mentor's user id when a mentor assigned the task, else null. */
  assignedBy: string | null;
  estimatedTimeMinutes: number | null;
  /** What proved it: a submission (platform and its id) or a commit (repository and sha). */
  evidence: { kind: 'submission' | 'commit'; ref: string; at: string };
  startedAt: string;
  completedAt: string;
}

/** A task's verification ended without proof (roadmap); the task can be retried. */
export interface TaskFailedPayload {
  taskId: string;
  userId: string;
  verificationSource: TaskVerificationSource;
  assignedBy: string | null;
  /** Why, in words a learner can act on. */
  reason: string;
  failedAt: string;
}
