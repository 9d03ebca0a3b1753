import type { Difficulty } from '@prepmate/contracts';
import { type Attempt, DIFFICULTY_RANK } from './attempt';
import { type BktParams, bktUpdate } from './bkt';

export const DAY_MS = 86_400_000;
/** `engagement_score` counts the attempts of the last 30 days. */
export const RECENT_WINDOW_MS = 30 * DAY_MS;
export const CONSISTENCY_BLOCK = 5;

type ByDifficulty = Record<Difficulty, number>;

/**
 * What aggregation keeps per user and topic: everything the §4 metrics need, updated in
 * O(1)–O(log n) per attempt (sorted arrays take binary-search inserts) and stored as plain
 * JSON. Read-time metrics (`topic-metrics.ts`) derive the rest.
 */
export interface TopicState {
  totalAttempts: number;
  successfulAttempts: number;
  attemptsByDifficulty: ByDifficulty;
  successByDifficulty: ByDifficulty;
  /** Solve times of accepted attempts that carry one, ascending. */
  solveTimes: number[];
  solveTimeSum: number;
  /** Canonical problem ids, ascending. */
  problemsAttempted: string[];
  problemsSolved: string[];
  mastery: number;
  /** One character per attempt in order: '1' accepted, '0' not. */
  outcomes: string;
  /** One digit per attempt in order: the difficulty rank (easy 0, medium 1, hard 2). */
  ranks: string;
  /** Successes and rank sum of the first floor(n/2) attempts (the trend's first half). */
  firstHalfSuccesses: number;
  firstHalfRankSum: number;
  /** Successes of each full block of 5 attempts, one digit per block. */
  blocks: string;
  /** Attempt times within 30 days of the last activity, ascending (older ones can never count). */
  recent: number[];
  lastActivity: number | null;
}

export function emptyTopicState(params: BktParams): TopicState {
  return {
    totalAttempts: 0,
    successfulAttempts: 0,
    attemptsByDifficulty: { easy: 0, medium: 0, hard: 0 },
    successByDifficulty: { easy: 0, medium: 0, hard: 0 },
    solveTimes: [],
    solveTimeSum: 0,
    problemsAttempted: [],
    problemsSolved: [],
    mastery: params.initial,
    outcomes: '',
    ranks: '',
    firstHalfSuccesses: 0,
    firstHalfRankSum: 0,
    blocks: '',
    recent: [],
    lastActivity: null,
  };
}

/** Index of the first element ≥ value (or > value when `after`). */
function lowerBound<T>(sorted: T[], value: T, after = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value || (after && sorted[mid] === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted(sorted: number[], value: number): void {
  sorted.splice(lowerBound(sorted, value, true), 0, value);
}

function addToSet(sorted: string[], value: string): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] !== value) sorted.splice(at, 0, value);
}

/**
 * Applies the next attempt in order (mutates `state`). `observation` is false for an
 * attempt on a problem the user had already solved: it counts everywhere but in BKT.
 */
export function applyToTopic(
  state: TopicState,
  attempt: Attempt,
  observation: boolean,
  params: BktParams,
): void {
  const { accepted, difficulty } = attempt;
  state.totalAttempts += 1;
  state.attemptsByDifficulty[difficulty] += 1;
  if (accepted) {
    state.successfulAttempts += 1;
    state.successByDifficulty[difficulty] += 1;
    if (attempt.solveTimeSeconds !== null) {
      insertSorted(state.solveTimes, attempt.solveTimeSeconds);
      state.solveTimeSum += attempt.solveTimeSeconds;
    }
    addToSet(state.problemsSolved, attempt.canonicalProblemId);
  }
  addToSet(state.problemsAttempted, attempt.canonicalProblemId);
  if (observation) state.mastery = bktUpdate(state.mastery, accepted, difficulty, params);

  state.outcomes += accepted ? '1' : '0';
  state.ranks += String(DIFFICULTY_RANK[difficulty]);
  const n = state.totalAttempts;
  if (n % 2 === 0) {
    const moved = n / 2 - 1;
    if (state.outcomes[moved] === '1') state.firstHalfSuccesses += 1;
    state.firstHalfRankSum += Number(state.ranks[moved]);
  }
  if (n % CONSISTENCY_BLOCK === 0) {
    let successes = 0;
    for (let i = n - CONSISTENCY_BLOCK; i < n; i += 1)
      if (state.outcomes[i] === '1') successes += 1;
    state.blocks += String(successes);
  }

  state.lastActivity =
    state.lastActivity === null
      ? attempt.submittedAt
      : Math.max(state.lastActivity, attempt.submittedAt);
  insertSorted(state.recent, attempt.submittedAt);
  const horizon = state.lastActivity - RECENT_WINDOW_MS;
  const keepFrom = lowerBound(state.recent, horizon);
  if (keepFrom > 0) state.recent.splice(0, keepFrom);
}
