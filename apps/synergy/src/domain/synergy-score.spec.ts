import {
  consistencyFactor,
  levelProximity,
  mutualScratchWeight,
  synergyScore,
  topicSimilarity,
} from './synergy-score';

describe('synergy score: 0.4·mutual + 0.3·level + 0.2·topic + 0.1·consistency', () => {
  it('scores two learners with equal imports, 13 and 12 posts scratched both ways on one day at 0.60667', () => {
    const masteries = { arrays: 0.71, greedy: 0.42, math: 0.9 };
    const components = {
      mutualScratchWeight: mutualScratchWeight(13, 12),
      levelProximityScore: levelProximity(3.1, 3.1),
      topicSimilarityScore: topicSimilarity(masteries, { ...masteries }),
      consistencyFactor: consistencyFactor(1),
    };
    const expected = 0.4 * (25 / 100) + 0.3 * 1 + 0.2 * 1 + 0.1 * (1 / 15);
    expect(synergyScore(components)).toBeCloseTo(expected, 9);
    expect(synergyScore(components)).toBeCloseTo(0.60667, 5);
  });
});
