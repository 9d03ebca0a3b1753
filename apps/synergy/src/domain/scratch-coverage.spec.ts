import { grownCoverage, isRevealed } from './scratch-coverage';

describe('scratch coverage only grows and reveals at 0.6', () => {
  it('keeps the highest coverage reported and stays revealed once 0.6 was reached', () => {
    let coverage = grownCoverage(undefined, 0.3);
    expect([coverage, isRevealed(coverage)]).toEqual([0.3, false]);
    coverage = grownCoverage(coverage, 0.6);
    expect([coverage, isRevealed(coverage)]).toEqual([0.6, true]);
    coverage = grownCoverage(coverage, 0.1);
    expect([coverage, isRevealed(coverage)]).toEqual([0.6, true]);
    expect(isRevealed(0.5999)).toBe(false);
  });
});
