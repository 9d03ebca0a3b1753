import type { Difficulty } from '@prepmate/contracts';
import { attempt } from '../../../../test/support/factories/attempts';
import { DEFAULT_BKT } from './bkt';
import { difficultyAdaptation } from './topic-metrics';
import { recompute } from './user-aggregate';

const adaptation = (levels: Difficulty[]) =>
  difficultyAdaptation(
    recompute(
      levels.map((difficulty, i) => attempt({ at: i, difficulty })),
      DEFAULT_BKT,
    ).topics.arrays,
  );

describe('difficulty adaptation: (second-half mean rank − first-half) / 2', () => {
  it('fewer than 2 attempts → 0', () => expect(adaptation(['hard'])).toBe(0));
  it('easy → hard = 1', () => expect(adaptation(['easy', 'hard'])).toBe(1));
  it('hard → easy = −1', () => expect(adaptation(['hard', 'hard', 'easy', 'easy'])).toBe(-1));
  it('odd: [easy] vs [medium, hard] = (1.5 − 0) / 2', () =>
    expect(adaptation(['easy', 'medium', 'hard'])).toBeCloseTo(0.75, 12));
});
