import type {
  TaskStatus,
  TaskVerificationRequirements,
  TaskVerificationSource,
  Verdict,
} from '@prepmate/contracts';
import { type OutboxFields, outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';

/** One step of the state audit. */
export interface TaskTransition {
  from: TaskStatus | null;
  to: TaskStatus;
  at: Date;
  cause: string;
}

/** A verification in progress: its number (jobs of an older one are stale) and what it saw. */
export interface TaskVerification {
  attempt: number;
  startedAt: Date;
  deadline: Date;
  syncRequested: boolean;
  /** Submissions of the problem seen so far (from aggregation, then from the sync's events). */
  seen: Array<{ ref: string; verdict: Verdict; submittedAt: Date }>;
}

/**
 * A learner's task (docs/product.md#tasks). The id sorts by creation (UUIDv7), so a list is
 * newest first by `_id`. `task.completed` / `task.failed` ride in the write that settles it.
 */
export interface TaskDocument extends OutboxFields {
  _id: string;
  userId: string;
  assignedBy: string | null;
  description: string;
  topic: string | null;
  problemId: string | null;
  verificationSource: TaskVerificationSource;
  verificationRequirements: TaskVerificationRequirements;
  estimatedTimeMinutes: number | null;
  dueAt: Date | null;
  status: TaskStatus;
  startedAt: Date | null;
  completedAt: Date | null;
  failureReason: string | null;
  evidence: { kind: 'submission' | 'commit'; ref: string; at: Date } | null;
  verification: TaskVerification | null;
  /** The synergy post of the task's reflection, once posted. */
  reflectionPostId: string | null;
  /** A reflection being posted since then (two requests never post twice; stale after 60 s). */
  reflectionClaimedAt: Date | null;
  history: TaskTransition[];
  /** Bumped by every write; a write applies only to the version it read. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const TASK_MODEL = 'Task';

export const TaskSchema = new Schema<TaskDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    assignedBy: { type: String, default: null },
    description: { type: String, required: true },
    topic: { type: String, default: null },
    problemId: { type: String, default: null },
    verificationSource: { type: String, required: true },
    verificationRequirements: { type: Schema.Types.Mixed, default: {} },
    estimatedTimeMinutes: { type: Number, default: null },
    dueAt: { type: Date, default: null },
    status: { type: String, required: true },
    startedAt: { type: Date, default: null },
    completedAt: { type: Date, default: null },
    failureReason: { type: String, default: null },
    evidence: { type: Schema.Types.Mixed, default: null },
    verification: { type: Schema.Types.Mixed, default: null },
    reflectionPostId: { type: String, default: null },
    reflectionClaimedAt: { type: Date, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'tasks', versionKey: false, minimize: false },
);
TaskSchema.plugin(outboxPlugin);
TaskSchema.index({ userId: 1, _id: -1 });

/**
 * Tasks waiting for a submission of one problem by one user (`_id` = `userId:problemId`):
 * the `submission.normalized` events that arrive together look here by `_id: { $in }` in one
 * query (TaskSubmissionIntake), never by scanning the tasks.
 */
export interface TaskWaitDocument {
  _id: string;
  userId: string;
  taskIds: string[];
}

export const TASK_WAIT_MODEL = 'TaskWait';

/** The wait document of one user and problem. */
export function taskWaitId(userId: string, problemId: string): string {
  return `${userId}:${problemId}`;
}

export const TaskWaitSchema = new Schema<TaskWaitDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    taskIds: { type: [String], default: [] },
  },
  { collection: 'task_waits', versionKey: false },
);
TaskWaitSchema.index({ userId: 1 });
