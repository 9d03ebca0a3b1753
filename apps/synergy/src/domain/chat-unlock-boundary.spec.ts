import { chatUnlocked, synergyScore } from './synergy-score';

describe('chat unlock at the 0.6 boundary', () => {
  it('unlocks at exactly 0.6 (0.4·0.25 + 0.3 + 0.2, despite floating point) and not just below', () => {
    const atBoundary = synergyScore({
      mutualScratchWeight: 0.25,
      levelProximityScore: 1,
      topicSimilarityScore: 1,
      consistencyFactor: 0,
    });
    expect(atBoundary).toBe(0.6);
    expect(chatUnlocked(false, atBoundary)).toBe(true);
    const below = synergyScore({
      mutualScratchWeight: 0.24,
      levelProximityScore: 1,
      topicSimilarityScore: 1,
      consistencyFactor: 0,
    });
    expect(below).toBeCloseTo(0.4 * 0.24 + 0.5, 9);
    expect(chatUnlocked(false, below)).toBe(false);
  });
});
