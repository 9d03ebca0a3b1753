import { bucketsByDistance, rankSuggestions } from './suggestions';
import { levelProximity, topicSimilarity } from './synergy-score';

describe('suggestions rank unmet learners by 0.3·level proximity + 0.2·topic similarity', () => {
  it('reads the nearest level buckets first and ranks candidates, leaving me and my partners out', () => {
    expect(bucketsByDistance(3)).toEqual([3, 2, 4, 1, 5, 0, 6, 7, 8, 9]);
    expect(bucketsByDistance(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const me = { userId: 'm', level: 3, masteries: { arrays: 0.8, graphs: 0.2 } };
    const candidates = [
      me,
      { userId: 'partner', level: 3, masteries: { arrays: 0.8, graphs: 0.2 } },
      { userId: 'far', level: 7, masteries: { arrays: 0.8, graphs: 0.2 } },
      { userId: 'near', level: 3.5, masteries: { graphs: 0.9 } },
      { userId: 'twin', level: 3, masteries: { arrays: 0.4, graphs: 0.1 } },
    ];
    const ranked = rankSuggestions(me, candidates, new Set(['partner']), 10);
    // twin: 0.3·1 + 0.2·1; far: 0.3·1/5 + 0.2·1 = 0.26; near: 0.3·1/1.5 + 0.2·cos ≈ 0.2485
    expect(ranked.map((s) => s.userId)).toEqual(['twin', 'far', 'near']);
    expect(ranked[0].affinity).toBeCloseTo(0.5, 12);
    const near = ranked[2];
    expect(near.affinity).toBeCloseTo(
      0.3 * levelProximity(3, 3.5) + 0.2 * topicSimilarity(me.masteries, { graphs: 0.9 }),
      12,
    );
    expect(rankSuggestions(me, candidates, new Set(), 2)).toHaveLength(2);
  });
});
