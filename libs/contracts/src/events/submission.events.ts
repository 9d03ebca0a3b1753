export const PLATFORMS = [
  'leetcode',
  'codeforces',
  'hackerrank',
  'geeksforgeeks',
  'codechef',
  'atcoder',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const VERDICTS = [
  'accepted',
  'wrong_answer',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'runtime_error',
  'compilation_error',
  'other',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface PlatformProblem {
  platformProblemId: string;
  title: string;
  difficulty: Difficulty | null;
  rating: number | null;
  tags: string[];
  /** Ignored by normalization, which builds every problem URL from (platform, id). */
  url: string | null;
  /**
   * True when title, difficulty and tags come from the platform's own API (a sync, a LeetCode
   * question looked up); false or absent when only the importing user vouches for them.
   */
  verified?: boolean;
}

export interface SubmissionIngestedPayload {
  submissionId: string;
  userId: string;
  platform: Platform;
  platformSubmissionId: string;
  problem: PlatformProblem;
  verdict: Verdict;
  language: string | null;
  /** ISO 8601. */
  submittedAt: string;
  runtimeMs: number | null;
  memoryKb: number | null;
  solveTimeSeconds: number | null;
  syncBatchId: string;
}

export interface SubmissionNormalizedPayload {
  submissionId: string;
  userId: string;
  platform: Platform;
  platformSubmissionId: string;
  canonicalProblemId: string;
  difficulty: Difficulty;
  topics: string[];
  verdict: Verdict;
  submittedAt: string;
  solveTimeSeconds: number | null;
}

export interface ProblemNormalizationFailedPayload {
  submissionId: string;
  userId: string;
  platform: Platform;
  platformProblemId: string;
  reason: string;
}
