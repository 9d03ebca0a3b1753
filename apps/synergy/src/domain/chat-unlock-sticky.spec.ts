import { chatUnlocked, levelProximity, synergyScore } from './synergy-score';

describe('chat unlock is sticky', () => {
  it('stays unlocked when a component later drops the score below 0.6', () => {
    const unlockedAt = synergyScore({
      mutualScratchWeight: 0.25,
      levelProximityScore: levelProximity(3, 3),
      topicSimilarityScore: 1,
      consistencyFactor: 1 / 15,
    });
    const unlocked = chatUnlocked(false, unlockedAt);
    expect(unlocked).toBe(true);
    // One learner levels up: proximity 1/(1 + 2) drops the score to about 0.41.
    const later = synergyScore({
      mutualScratchWeight: 0.25,
      levelProximityScore: levelProximity(3, 5),
      topicSimilarityScore: 1,
      consistencyFactor: 1 / 15,
    });
    expect(later).toBeCloseTo(0.1 + 0.3 / 3 + 0.2 + 0.1 / 15, 9);
    expect(chatUnlocked(unlocked, later)).toBe(true);
  });
});
