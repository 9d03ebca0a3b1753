import { learningLevel } from './level';
import { levelProximity } from './synergy-score';

describe('level proximity: 1/(1 + |levelA − levelB|)', () => {
  it('is 1 for equal levels and 1/(1 + |Δ|) for levels computed from 51 and 120 points', () => {
    expect(levelProximity(4.2, 4.2)).toBe(1);
    const a = learningLevel(51);
    const b = learningLevel(120);
    const expected = 1 / (1 + Math.abs(a - b));
    expect(levelProximity(a, b)).toBeCloseTo(expected, 12);
    expect(levelProximity(b, a)).toBeCloseTo(expected, 12);
  });
});
