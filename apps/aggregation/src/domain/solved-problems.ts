import type { SolvedProblem } from '@prepmate/contracts';
import { retrievability } from './revision-card';
import type { ProblemState } from './user-aggregate';

/**
 * The distinct canonical problems a user has solved (an accepted attempt), by id, with the
 * recall probability of each card now: what the advisory service counts a learning level
 * over, excludes from its next task, and picks critical revisions from.
 */
export function solvedProblems(
  problems: Record<string, ProblemState>,
  now: number,
): SolvedProblem[] {
  return Object.entries(problems)
    .filter(([, problem]) => problem.solved)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([canonicalProblemId, problem]) => ({
      canonicalProblemId,
      difficulty: problem.difficulty,
      topics: [...problem.topics],
      lastReviewedAt:
        problem.card?.lastReview == null ? null : new Date(problem.card.lastReview).toISOString(),
      retrievability: problem.card ? retrievability(problem.card, now) : null,
    }));
}
