import { mutualScratchWeight } from './synergy-score';

describe('mutual scratch weight: min(bidirectional/100, 1), bidirectional only when both ≥ 1', () => {
  it('counts 13 + 12 distinct scratched posts as 25/100, nothing one-sided, and saturates at 100', () => {
    expect(mutualScratchWeight(13, 12)).toBeCloseTo(25 / 100, 12);
    expect(mutualScratchWeight(40, 0)).toBe(0);
    expect(mutualScratchWeight(0, 7)).toBe(0);
    expect(mutualScratchWeight(1, 1)).toBeCloseTo(2 / 100, 12);
    expect(mutualScratchWeight(70, 60)).toBe(1);
  });
});
