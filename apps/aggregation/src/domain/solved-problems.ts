import type { SolvedProblem } from '@prepmate/contracts';
import type { ProblemState } from './user-aggregate';

/**
 * The distinct canonical problems a user has solved (an accepted attempt), by id: what the
 * advisory service counts a learning level over and excludes from its next task.
 */
export function solvedProblems(problems: Record<string, ProblemState>): SolvedProblem[] {
  return Object.entries(problems)
    .filter(([, problem]) => problem.solved)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([canonicalProblemId, problem]) => ({
      canonicalProblemId,
      difficulty: problem.difficulty,
      topics: [...problem.topics],
      lastReviewedAt:
        problem.card?.lastReview == null ? null : new Date(problem.card.lastReview).toISOString(),
    }));
}
