import type { Difficulty, Platform } from '../events/submission.events';
import type {
  AddTagAliasRequest,
  CreateTopicRequest,
  FeedbackRequest,
  ResolveFailureRequest,
} from './problems.requests';

export interface ProblemsListRpcData {
  topic?: string;
  difficulty?: Difficulty;
  q?: string;
  limit: number;
  cursor?: string;
}

export interface ProblemIdRpcData {
  problemId: string;
}

/** Canonical problems by id, for other services (at most 100 ids). */
export interface ProblemSummariesRpcData {
  ids: readonly string[];
}

/** Platform problems of one platform (at most 10 000 ids, one import's worth). */
export interface UnknownProblemsRpcData {
  platform: Platform;
  platformProblemIds: string[];
}

export interface UnknownProblemsResponse {
  /** The ids no mapping exists for, in the order asked. */
  unknown: string[];
}

export interface BookmarkRpcData extends ProblemIdRpcData {
  notes?: string;
}

export interface FeedbackRpcData extends ProblemIdRpcData, FeedbackRequest {}

export interface ResolveFailureRpcData extends ResolveFailureRequest {
  failureId: string;
}

export interface PageRpcData {
  limit: number;
  cursor?: string;
}

export type CreateTopicRpcData = CreateTopicRequest;

export interface AddTagAliasRpcData extends AddTagAliasRequest {
  topic: string;
}
