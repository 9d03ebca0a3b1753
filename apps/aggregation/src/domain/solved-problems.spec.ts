import { retrievability, reviewCard } from './revision-card';
import { solvedProblems } from './solved-problems';
import type { ProblemState } from './user-aggregate';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

describe('solvedProblems', () => {
  it('lists each solved problem once with its difficulty, topics and recall now', () => {
    const card = reviewCard(null, T0, true);
    const problems: Record<string, ProblemState> = {
      b: { difficulty: 'hard', topics: ['graphs'], attempts: 3, solved: true, card },
      a: { difficulty: 'easy', topics: ['arrays'], attempts: 1, solved: true, card: null },
      c: { difficulty: 'medium', topics: ['trees'], attempts: 2, solved: false, card: null },
    };
    const now = T0 + 365 * DAY;
    expect(solvedProblems(problems, now)).toEqual([
      {
        canonicalProblemId: 'a',
        difficulty: 'easy',
        topics: ['arrays'],
        lastReviewedAt: null,
        retrievability: null,
      },
      {
        canonicalProblemId: 'b',
        difficulty: 'hard',
        topics: ['graphs'],
        lastReviewedAt: new Date(T0).toISOString(),
        retrievability: retrievability(card, now),
      },
    ]);
    // a year after one review the card is critical
    expect(solvedProblems(problems, now)[1].retrievability).toBeLessThan(0.5);
  });

  it('is empty for a user without solves', () => {
    expect(solvedProblems({}, T0)).toEqual([]);
  });
});
