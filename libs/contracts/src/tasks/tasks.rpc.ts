import type { Verdict, Platform } from '../events/submission.events';
import type { TaskStatus } from './tasks.contract';
import type {
  TaskFromAdviceRequest,
  TaskReflectionRequest,
  UpdateTaskRequest,
} from './tasks.requests';

export interface TaskIdRpcData {
  taskId: string;
}

export interface ListTasksRpcData {
  /** Another user's tasks: an admin, or that user's mentor (docs/security.md); default the caller. */
  userId?: string;
  limit: number;
  cursor?: string;
  status?: TaskStatus;
}

export interface UpdateTaskRpcData extends TaskIdRpcData, UpdateTaskRequest {}

export type TaskFromAdviceRpcData = TaskFromAdviceRequest;

export interface TaskReflectionRpcData extends TaskIdRpcData, TaskReflectionRequest {}

/** RPC `aggregation.problem_attempts`: the caller's attempts of one canonical problem. */
export interface ProblemAttemptsRpcData {
  canonicalProblemId: string;
}

export interface ProblemAttemptResponse {
  platform: Platform;
  platformSubmissionId: string;
  verdict: Verdict;
  /** ISO 8601. */
  submittedAt: string;
}

/** The most recent attempts first (at most 200). */
export interface ProblemAttemptsResponse {
  items: ProblemAttemptResponse[];
}
