import { attempt } from '../../../../test/support/factories/attempts';
import { bktUpdate, DEFAULT_BKT } from './bkt';
import { recompute } from './user-aggregate';

describe('BKT: re-solving a solved problem does not inflate mastery', () => {
  it('only attempts up to and including the first accepted one are observations', () => {
    const history = [
      attempt({ at: 1, problem: 'two-sum', ok: false }),
      attempt({ at: 2, problem: 'two-sum', ok: true }),
      attempt({ at: 3, problem: 'two-sum', ok: true }),
      attempt({ at: 4, problem: 'two-sum', ok: false }),
      attempt({ at: 5, problem: 'two-sum', ok: true }),
    ];
    const expected = bktUpdate(
      bktUpdate(0.2, false, 'medium', DEFAULT_BKT),
      true,
      'medium',
      DEFAULT_BKT,
    );
    const state = recompute(history, DEFAULT_BKT).topics.arrays;
    expect(state.mastery).toBeCloseTo(expected, 12);
    expect(state.totalAttempts).toBe(5);
    expect(state.successfulAttempts).toBe(3);
  });

  it('the same canonical problem solved on another platform is a re-solve', () => {
    const history = [
      attempt({ at: 1, problem: 'two-sum', platformSubmissionId: 'lc-1' }),
      attempt({ at: 2, problem: 'two-sum', platformSubmissionId: 'gfg-9' }),
    ];
    const aggregate = recompute(history, DEFAULT_BKT);
    expect(aggregate.topics.arrays.mastery).toBeCloseTo(
      bktUpdate(0.2, true, 'medium', DEFAULT_BKT),
      12,
    );
    expect(aggregate.topics.arrays.problemsSolved).toEqual(['two-sum']);
  });
});
