import type { Difficulty } from '@prepmate/contracts';
import { retrievability } from './revision-card';
import { CONSISTENCY_BLOCK, DAY_MS, RECENT_WINDOW_MS, type TopicState } from './topic-state';
import type { ProblemState } from './user-aggregate';

export type MasteryTrend = 'improving' | 'declining' | 'stable';
export type RetentionLevel = 'high' | 'medium' | 'low' | 'critical';

/** Every §4 metric of one user and topic, as of `now`. */
export interface TopicMetrics {
  totalAttempts: number;
  successfulAttempts: number;
  failedAttempts: number;
  successRate: number;
  attemptsByDifficulty: Record<Difficulty, number>;
  successByDifficulty: Record<Difficulty, number>;
  avgSolveTimeSeconds: number | null;
  medianSolveTimeSeconds: number | null;
  minSolveTimeSeconds: number | null;
  maxSolveTimeSeconds: number | null;
  uniqueProblemsAttempted: number;
  uniqueProblemsSolved: number;
  lastActivity: string | null;
  daysSinceLastActivity: number | null;
  estimatedMastery: number;
  masteryTrend: MasteryTrend;
  retentionLevel: RetentionLevel;
  consistencyScore: number;
  engagementScore: number;
  difficultyAdaptation: number;
  problemsDueForRevision: number;
  problemsInCriticalState: number;
}

export function successRate(successful: number, total: number): number {
  return total === 0 ? 0 : successful / total;
}

/** Second-half success rate minus the first half's (the first half is the smaller one). */
export function masteryTrend(state: TopicState): MasteryTrend {
  const n = state.totalAttempts;
  if (n < 4) return 'stable';
  const first = Math.floor(n / 2);
  const delta =
    (state.successfulAttempts - state.firstHalfSuccesses) / (n - first) -
    state.firstHalfSuccesses / first;
  if (delta > 0.1) return 'improving';
  if (delta < -0.1) return 'declining';
  return 'stable';
}

/** 100·(1 − population stdev of the full 5-attempt blocks' success rates / 0.5), clamped. */
export function consistencyScore(state: TopicState): number {
  const rates = [...state.blocks].map((digit) => Number(digit) / CONSISTENCY_BLOCK);
  if (rates.length < 2) return 0;
  const mean = rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
  const variance = rates.reduce((sum, rate) => sum + (rate - mean) ** 2, 0) / rates.length;
  return Math.min(100, Math.max(0, 100 * (1 - Math.sqrt(variance) / 0.5)));
}

/** Mean difficulty rank of the second half minus the first half's, over 2 (−1..1). */
export function difficultyAdaptation(state: TopicState): number {
  const n = state.totalAttempts;
  if (n < 2) return 0;
  const first = Math.floor(n / 2);
  let total = 0;
  for (const rank of state.ranks) total += Number(rank);
  return ((total - state.firstHalfRankSum) / (n - first) - state.firstHalfRankSum / first) / 2;
}

export function daysSince(at: number | null, now: number): number | null {
  return at === null ? null : Math.max(0, Math.floor((now - at) / DAY_MS));
}

export function retentionLevel(days: number | null): RetentionLevel {
  if (days === null) return 'critical';
  if (days <= 7) return 'high';
  if (days <= 21) return 'medium';
  if (days <= 45) return 'low';
  return 'critical';
}

/** 100 · exp(−days/14) · min(1, attempts in the last 30 days / 20). */
export function engagementScore(state: TopicState, now: number): number {
  const days = daysSince(state.lastActivity, now);
  if (days === null) return 0;
  const recent = state.recent.filter((at) => at > now - RECENT_WINDOW_MS).length;
  return 100 * Math.exp(-days / 14) * Math.min(1, recent / 20);
}

export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The topic's metrics as of `now`; `problems` are the user's problem states (for revision). */
export function topicMetrics(
  state: TopicState,
  problems: Record<string, ProblemState>,
  now: number,
): TopicMetrics {
  const days = daysSince(state.lastActivity, now);
  let due = 0;
  let critical = 0;
  for (const problemId of state.problemsSolved) {
    const card = problems[problemId]?.card;
    if (!card) continue;
    if (card.due <= now) due += 1;
    if (retrievability(card, now) < 0.5) critical += 1;
  }
  const times = state.solveTimes;
  return {
    totalAttempts: state.totalAttempts,
    successfulAttempts: state.successfulAttempts,
    failedAttempts: state.totalAttempts - state.successfulAttempts,
    successRate: successRate(state.successfulAttempts, state.totalAttempts),
    attemptsByDifficulty: { ...state.attemptsByDifficulty },
    successByDifficulty: { ...state.successByDifficulty },
    avgSolveTimeSeconds: times.length === 0 ? null : state.solveTimeSum / times.length,
    medianSolveTimeSeconds: median(times),
    minSolveTimeSeconds: times.length === 0 ? null : times[0],
    maxSolveTimeSeconds: times.length === 0 ? null : times[times.length - 1],
    uniqueProblemsAttempted: state.problemsAttempted.length,
    uniqueProblemsSolved: state.problemsSolved.length,
    lastActivity: state.lastActivity === null ? null : new Date(state.lastActivity).toISOString(),
    daysSinceLastActivity: days,
    estimatedMastery: state.mastery,
    masteryTrend: masteryTrend(state),
    retentionLevel: retentionLevel(days),
    consistencyScore: consistencyScore(state),
    engagementScore: engagementScore(state, now),
    difficultyAdaptation: difficultyAdaptation(state),
    problemsDueForRevision: due,
    problemsInCriticalState: critical,
  };
}

/**
 * Percentile rank (0–100): the share of users with stats on the topic whose mastery is at
 * or below this user's (the user included, so the only user is at 100), and the distance
 * from their mean.
 */
export function standing(
  mastery: number,
  population: number[],
): { percentileRank: number; comparisonVsAverage: number } {
  const everyone = population.length === 0 ? [mastery] : population;
  const atOrBelow = everyone.filter((other) => other <= mastery).length;
  const mean = everyone.reduce((sum, other) => sum + other, 0) / everyone.length;
  return {
    percentileRank: (100 * atOrBelow) / everyone.length,
    comparisonVsAverage: mastery - mean,
  };
}

/** Weak topics: at least 3 attempts; lowest mastery, then lower success rate, then slug. */
export function weakTopics<
  T extends { topic: string; totalAttempts: number; estimatedMastery: number; successRate: number },
>(items: T[]): T[] {
  return items
    .filter((item) => item.totalAttempts >= 3)
    .sort(
      (a, b) =>
        a.estimatedMastery - b.estimatedMastery ||
        a.successRate - b.successRate ||
        (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
    );
}
