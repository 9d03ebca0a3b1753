import { outcomes } from '../../../../test/support/factories/attempts';
import { DEFAULT_BKT } from './bkt';
import { masteryTrend } from './topic-metrics';
import { recompute } from './user-aggregate';

const trendOf = (pattern: string) =>
  masteryTrend(recompute(outcomes(pattern), DEFAULT_BKT).topics.arrays);

describe('mastery trend: second-half success rate minus the first half', () => {
  it('fewer than 4 attempts are stable', () => expect(trendOf('001')).toBe('stable'));
  it('0011 improves (0 → 1)', () => expect(trendOf('0011')).toBe('improving'));
  it('1100 declines', () => expect(trendOf('1100')).toBe('declining'));
  it('odd counts give the first half the smaller half: 00111 is 0/2 vs 3/3', () =>
    expect(trendOf('00111')).toBe('improving'));
  it('a difference of exactly 0.1 is stable (strictly greater is needed)', () =>
    // 10 + 10 attempts: 5/10 then 6/10
    expect(trendOf('11111000001111110000')).toBe('stable'));
  it('a difference above 0.1 counts', () =>
    expect(trendOf('1111100000' + '1111111000')).toBe('improving'));
});
