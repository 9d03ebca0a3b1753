import type { Difficulty } from '@prepmate/contracts';
import { type Attempt, compareAttempts, compareKeys, type OrderKey, orderKey } from './attempt';
import type { BktParams } from './bkt';
import { reviewCard, type StoredCard } from './revision-card';
import { applyToTopic, emptyTopicState, type TopicState } from './topic-state';

/** A user's canonical problem: solved or not, and its revision card once solved. */
export interface ProblemState {
  difficulty: Difficulty;
  topics: string[];
  attempts: number;
  solved: boolean;
  card: StoredCard | null;
}

/** A user's activity on one UTC day. */
export interface DayActivity {
  attempts: number;
  accepted: number;
  problems: string[];
}

/** Everything aggregation derives from one user's attempts. Plain JSON. */
export interface UserAggregate {
  /** The latest attempt applied; an attempt at or before it means the history changed. */
  lastKey: OrderKey | null;
  attemptCount: number;
  topics: Record<string, TopicState>;
  problems: Record<string, ProblemState>;
  days: Record<string, DayActivity>;
}

export function emptyAggregate(): UserAggregate {
  return { lastKey: null, attemptCount: 0, topics: {}, problems: {}, days: {} };
}

export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Applies the next attempt in order (mutates `aggregate`). */
export function applyAttempt(aggregate: UserAggregate, attempt: Attempt, params: BktParams): void {
  const problemId = attempt.canonicalProblemId;
  const problem = (aggregate.problems[problemId] ??= {
    difficulty: attempt.difficulty,
    topics: [],
    attempts: 0,
    solved: false,
    card: null,
  });
  const solvedBefore = problem.solved;
  for (const topic of new Set(attempt.topics)) {
    const state = (aggregate.topics[topic] ??= emptyTopicState(params));
    applyToTopic(state, attempt, !solvedBefore, params);
    if (!problem.topics.includes(topic)) problem.topics.push(topic);
  }
  problem.attempts += 1;
  if (attempt.accepted) {
    if (!solvedBefore) problem.difficulty = attempt.difficulty;
    problem.card = reviewCard(problem.card, attempt.submittedAt, true);
    problem.solved = true;
  } else if (solvedBefore) {
    problem.card = reviewCard(problem.card, attempt.submittedAt, false);
  }
  const day = (aggregate.days[dayOf(attempt.submittedAt)] ??= {
    attempts: 0,
    accepted: 0,
    problems: [],
  });
  day.attempts += 1;
  if (attempt.accepted) day.accepted += 1;
  if (!day.problems.includes(problemId)) day.problems.push(problemId);
  aggregate.attemptCount += 1;
  aggregate.lastKey = orderKey(attempt);
}

/** The full recomputation: every stored attempt of the user, in order, from nothing. */
export function recompute(attempts: Attempt[], params: BktParams): UserAggregate {
  const aggregate = emptyAggregate();
  for (const attempt of uniqueSorted(attempts)) applyAttempt(aggregate, attempt, params);
  return aggregate;
}

function uniqueSorted(attempts: Attempt[]): Attempt[] {
  const byId = new Map(attempts.map((attempt) => [attempt.submissionId, attempt]));
  return [...byId.values()].sort(compareAttempts);
}

export interface AdvanceResult {
  aggregate: UserAggregate;
  /** Topics whose stats differ from before. */
  changedTopics: string[];
  mode: 'incremental' | 'recompute';
}

/**
 * Takes in attempts not applied yet. When all of them come after the last applied one they
 * are applied incrementally; otherwise (an older attempt arrived late, or an attempt was
 * applied before a crash kept it from being marked) the user is recomputed from every
 * stored attempt, since BKT and FSRS depend on order. Either way the result equals
 * `recompute(all stored attempts)`.
 */
export function advance(
  current: UserAggregate,
  pending: Attempt[],
  allStored: () => Attempt[],
  params: BktParams,
): AdvanceResult {
  const fresh = uniqueSorted(pending);
  if (fresh.length === 0) return { aggregate: current, changedTopics: [], mode: 'incremental' };
  if (appliesInOrder(current, fresh)) {
    const aggregate = structuredClone(current);
    const touched = new Set<string>();
    for (const attempt of fresh) {
      applyAttempt(aggregate, attempt, params);
      for (const topic of attempt.topics) touched.add(topic);
    }
    return { aggregate, changedTopics: [...touched].sort(), mode: 'incremental' };
  }
  const aggregate = recompute(allStored(), params);
  return { aggregate, changedTopics: changedTopics(current, aggregate), mode: 'recompute' };
}

/** Whether every pending attempt comes after the last applied one (no recompute needed). */
export function appliesInOrder(current: UserAggregate, pending: Attempt[]): boolean {
  const lastKey = current.lastKey;
  return (
    lastKey === null || pending.every((attempt) => compareKeys(orderKey(attempt), lastKey) > 0)
  );
}

/** Topics whose stored state differs between two aggregates. */
export function changedTopics(before: UserAggregate, after: UserAggregate): string[] {
  const topics = new Set([...Object.keys(before.topics), ...Object.keys(after.topics)]);
  return [...topics]
    .filter((topic) => JSON.stringify(before.topics[topic]) !== JSON.stringify(after.topics[topic]))
    .sort();
}

/** Distinct solved problems by the difficulty of their first accepted attempt. */
export function solvedByDifficulty(aggregate: UserAggregate): Record<Difficulty, number> {
  const counts: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
  for (const problem of Object.values(aggregate.problems))
    if (problem.solved) counts[problem.difficulty] += 1;
  return counts;
}
