import type { CreateGoalRequest, UpdateGoalRequest } from './engage.requests';

/** RPC payloads of aggregation's goals, streak and readiness (the caller travels beside them). */
export type CreateGoalRpcData = CreateGoalRequest;

export interface GoalIdRpcData {
  goalId: string;
}

export interface UpdateGoalRpcData extends GoalIdRpcData, UpdateGoalRequest {}

/** The gateway asks roadmap for the caller's PCI first and passes it on. */
export interface ReadinessRpcData {
  roadmaps: Array<{ roadmapId: string; pciScore: number }>;
}

/** `aggregation.streak`: another user's streak (an admin, or that user's mentor); default the caller's. */
export interface StreakRpcData {
  userId?: string;
}
