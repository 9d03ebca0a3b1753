import { learningLevel, levelBucket, levelPoints } from './level';

describe('learning level: 10·(1 − e^(−points/200)), points easy 1, medium 3, hard 6', () => {
  it('turns 12 easy, 7 medium and 3 hard distinct solved problems into 51 points and its level', () => {
    const points = levelPoints({ easy: 12, medium: 7, hard: 3 });
    expect(points).toBe(12 * 1 + 7 * 3 + 3 * 6);
    expect(learningLevel(points)).toBeCloseTo(10 * (1 - Math.exp(-51 / 200)), 12);
  });

  it('is 0 without points, 10·(1 − 1/e) at 200 and approaches 10 without reaching a bucket past 9', () => {
    expect(learningLevel(0)).toBe(0);
    expect(learningLevel(200)).toBeCloseTo(10 * (1 - Math.exp(-1)), 12);
    expect(learningLevel(5_000)).toBeLessThanOrEqual(10);
    expect(levelBucket(learningLevel(5_000))).toBe(9);
    expect(levelBucket(learningLevel(200))).toBe(6);
  });
});
