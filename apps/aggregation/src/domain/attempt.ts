import type { Difficulty } from '@prepmate/contracts';

/** One normalized submission as aggregation sees it. Times are epoch milliseconds. */
export interface Attempt {
  submissionId: string;
  canonicalProblemId: string;
  platformSubmissionId: string;
  difficulty: Difficulty;
  topics: string[];
  accepted: boolean;
  submittedAt: number;
  solveTimeSeconds: number | null;
}

/** Where an attempt sits in a user's history: docs/product.md#topic-statistics order, made total by the id. */
export interface OrderKey {
  at: number;
  platformSubmissionId: string;
  submissionId: string;
}

export function orderKey(attempt: Attempt): OrderKey {
  return {
    at: attempt.submittedAt,
    platformSubmissionId: attempt.platformSubmissionId,
    submissionId: attempt.submissionId,
  };
}

const DIGITS = /^\d+$/;

/** Platform submission ids compare as numbers when both are numeric, else as strings. */
export function comparePlatformIds(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** submittedAt, then platformSubmissionId, then our submission id (so the order is total). */
export function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a.at !== b.at) return a.at - b.at;
  const byPlatformId = comparePlatformIds(a.platformSubmissionId, b.platformSubmissionId);
  if (byPlatformId !== 0) return byPlatformId;
  return a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0;
}

export function compareAttempts(a: Attempt, b: Attempt): number {
  return compareKeys(orderKey(a), orderKey(b));
}

export const DIFFICULTY_RANK: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };
