import type { Difficulty, Platform, PlatformProblem } from '@prepmate/contracts';

/** docs/product.md#ingestion: Codeforces rating ≤ 1200 easy, ≤ 1900 medium, above that hard. */
export function codeforcesDifficulty(rating: number): Difficulty {
  if (rating <= 1200) return 'easy';
  if (rating <= 1900) return 'medium';
  return 'hard';
}

/**
 * The difficulty the platform itself gives the problem, or null when it gives none: a stated
 * difficulty wins, then a Codeforces rating.
 */
export function platformDifficulty(
  platform: Platform,
  problem: Pick<PlatformProblem, 'difficulty' | 'rating'>,
): Difficulty | null {
  if (problem.difficulty) return problem.difficulty;
  if (platform === 'codeforces' && typeof problem.rating === 'number')
    return codeforcesDifficulty(problem.rating);
  return null;
}

/** §2: the platform's difficulty, else medium (a Codeforces problem without a rating too). */
export function deriveDifficulty(
  platform: Platform,
  problem: Pick<PlatformProblem, 'difficulty' | 'rating'>,
): Difficulty {
  return platformDifficulty(platform, problem) ?? 'medium';
}
