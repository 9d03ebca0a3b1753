import type { PerformancePeriodName } from './telemetry.requests';

export interface TopicStatsRpcData {
  /** Whose stats; the caller's own when absent. */
  userId?: string;
  limit: number;
  cursor?: string;
}

export interface WeakTopicsRpcData {
  /** Whose weak topics; the caller's own when absent. */
  userId?: string;
  limit: number;
}

export interface PerformanceRpcData {
  period: PerformancePeriodName;
}

export interface RevisionsRpcData {
  limit: number;
}
