import { attempt } from '../../../../test/support/factories/attempts';
import { bktUpdate, DEFAULT_BKT } from './bkt';
import { recompute } from './user-aggregate';

describe('BKT mastery (docs/product.md#topic-statistics)', () => {
  it('a correct easy answer from the prior: Bayes posterior, then the transition', () => {
    const posterior = (0.2 * 0.95) / (0.2 * 0.95 + 0.8 * 0.3);
    expect(bktUpdate(0.2, true, 'easy', DEFAULT_BKT)).toBeCloseTo(
      posterior + (1 - posterior) * 0.15,
      12,
    );
  });

  it('an incorrect hard answer uses the hard slip and guess', () => {
    const posterior = (0.2 * 0.15) / (0.2 * 0.15 + 0.8 * 0.9);
    expect(bktUpdate(0.2, false, 'hard', DEFAULT_BKT)).toBeCloseTo(
      posterior + (1 - posterior) * 0.15,
      12,
    );
  });

  it('guessing an easy problem says less than solving a hard one', () => {
    expect(bktUpdate(0.2, true, 'hard', DEFAULT_BKT)).toBeGreaterThan(
      bktUpdate(0.2, true, 'easy', DEFAULT_BKT),
    );
  });

  it('a topic without observations stays at P(L0) = 0.2', () => {
    expect(recompute([], DEFAULT_BKT).topics.arrays).toBeUndefined();
    const onlyResolves = recompute(
      [attempt({ at: 1, problem: 'a', ok: true, topics: ['graphs'] })],
      DEFAULT_BKT,
    );
    expect(onlyResolves.topics.graphs.mastery).toBeCloseTo(
      bktUpdate(0.2, true, 'medium', DEFAULT_BKT),
      12,
    );
  });

  it('parameters are configuration', () => {
    const strict = { ...DEFAULT_BKT, transit: 0 };
    const posterior = (0.2 * 0.9) / (0.2 * 0.9 + 0.8 * 0.2);
    expect(bktUpdate(0.2, true, 'medium', strict)).toBeCloseTo(posterior, 12);
  });
});
