import { outcomes } from '../../../../test/support/factories/attempts';
import { DEFAULT_BKT } from './bkt';
import { consistencyScore } from './topic-metrics';
import { recompute } from './user-aggregate';

const scoreOf = (pattern: string) =>
  consistencyScore(recompute(outcomes(pattern), DEFAULT_BKT).topics.arrays);

describe('consistency score: blocks of 5, population stdev', () => {
  it('fewer than 2 full blocks → 0', () => expect(scoreOf('111110000')).toBe(0));
  it('equal block rates → 100', () => expect(scoreOf('1100011000')).toBe(100));
  it('rates 1 and 0 → stdev 0.5 → 0', () => expect(scoreOf('1111100000')).toBe(0));
  it('rates 0.8 and 0.4 → stdev 0.2 → 60', () => expect(scoreOf('1111011000')).toBeCloseTo(60, 10));
  it('a last partial block is dropped', () => expect(scoreOf('1100011000' + '1111')).toBe(100));
  it('three blocks 1, 0.6, 0.2', () => {
    const rates = [1, 0.6, 0.2];
    const mean = 0.6;
    const sd = Math.sqrt(rates.reduce((s, r) => s + (r - mean) ** 2, 0) / 3);
    expect(scoreOf('11111' + '11100' + '10000')).toBeCloseTo(100 * (1 - sd / 0.5), 10);
  });
});
