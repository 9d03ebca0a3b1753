import { attempt } from '../../../../test/support/factories/attempts';
import { DEFAULT_BKT } from './bkt';
import { topicMetrics } from './topic-metrics';
import { recompute } from './user-aggregate';

describe('counts, difficulty breakdown, solve times and unique problems', () => {
  const history = [
    attempt({ at: 1, problem: 'a', difficulty: 'easy', ok: false, solveTimeSeconds: 999 }),
    attempt({ at: 2, problem: 'a', difficulty: 'easy', ok: true, solveTimeSeconds: 300 }),
    attempt({ at: 3, problem: 'b', difficulty: 'hard', ok: true, solveTimeSeconds: 900 }),
    attempt({ at: 4, problem: 'c', difficulty: 'medium', ok: true, solveTimeSeconds: null }),
    attempt({ at: 5, problem: 'd', difficulty: 'medium', ok: false }),
    attempt({ at: 6, problem: 'b', difficulty: 'hard', ok: true, solveTimeSeconds: 100 }),
  ];
  const aggregate = recompute(history, DEFAULT_BKT);
  const metrics = topicMetrics(aggregate.topics.arrays, aggregate.problems, history[5].submittedAt);

  it('counts attempts and successes by difficulty', () => {
    expect(metrics).toMatchObject({
      totalAttempts: 6,
      successfulAttempts: 4,
      failedAttempts: 2,
      successRate: 4 / 6,
      attemptsByDifficulty: { easy: 2, medium: 2, hard: 2 },
      successByDifficulty: { easy: 1, medium: 1, hard: 2 },
    });
  });

  it('solve times over accepted attempts that carry one (failed ones ignored)', () => {
    expect(metrics.avgSolveTimeSeconds).toBeCloseTo((300 + 900 + 100) / 3, 12);
    expect(metrics.medianSolveTimeSeconds).toBe(300);
    expect(metrics.minSolveTimeSeconds).toBe(100);
    expect(metrics.maxSolveTimeSeconds).toBe(900);
  });

  it('even counts take the mean of the middle two; none → null', () => {
    const two = recompute(
      [attempt({ solveTimeSeconds: 10 }), attempt({ solveTimeSeconds: 20 })],
      DEFAULT_BKT,
    );
    expect(topicMetrics(two.topics.arrays, two.problems, 0).medianSolveTimeSeconds).toBe(15);
    const none = recompute([attempt({ ok: false })], DEFAULT_BKT);
    expect(topicMetrics(none.topics.arrays, none.problems, 0)).toMatchObject({
      avgSolveTimeSeconds: null,
      medianSolveTimeSeconds: null,
      minSolveTimeSeconds: null,
      maxSolveTimeSeconds: null,
      successRate: 0,
    });
  });

  it('unique problems count canonical problems', () => {
    expect(metrics.uniqueProblemsAttempted).toBe(4);
    expect(metrics.uniqueProblemsSolved).toBe(3);
  });

  it('an attempt counts once for each of its topics', () => {
    const both = recompute([attempt({ topics: ['arrays', 'hashing', 'arrays'] })], DEFAULT_BKT);
    expect(both.topics.arrays.totalAttempts).toBe(1);
    expect(both.topics.hashing.totalAttempts).toBe(1);
  });
});
