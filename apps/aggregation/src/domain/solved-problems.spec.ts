import { solvedProblems } from './solved-problems';
import type { ProblemState } from './user-aggregate';

const card = (lastReview: number) =>
  ({
    lastReview,
    due: lastReview,
    reps: 1,
    lapses: 0,
    state: 2,
  }) as unknown as ProblemState['card'];

describe('solvedProblems', () => {
  it('lists each solved problem once with its difficulty and topics, leaving unsolved ones out', () => {
    const problems: Record<string, ProblemState> = {
      b: { difficulty: 'hard', topics: ['graphs'], attempts: 3, solved: true, card: card(0) },
      a: { difficulty: 'easy', topics: ['arrays'], attempts: 1, solved: true, card: null },
      c: { difficulty: 'medium', topics: ['trees'], attempts: 2, solved: false, card: null },
    };
    expect(solvedProblems(problems)).toEqual([
      { canonicalProblemId: 'a', difficulty: 'easy', topics: ['arrays'], lastReviewedAt: null },
      {
        canonicalProblemId: 'b',
        difficulty: 'hard',
        topics: ['graphs'],
        lastReviewedAt: '1970-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('is empty for a user without solves', () => {
    expect(solvedProblems({})).toEqual([]);
  });
});
