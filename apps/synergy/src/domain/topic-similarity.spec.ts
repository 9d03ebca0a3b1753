import { topicSimilarity } from './synergy-score';

describe('topic similarity: cosine of the mastery vectors over the union of topics', () => {
  it('is the cosine over the union (a missing topic counts 0), 1 for equal vectors, 0 for a zero vector', () => {
    const a = { arrays: 0.8, graphs: 0.5 };
    const b = { arrays: 0.6, 'dynamic-programming': 0.9 };
    const dot = 0.8 * 0.6 + 0.5 * 0 + 0 * 0.9;
    const expected = dot / (Math.hypot(0.8, 0.5, 0) * Math.hypot(0.6, 0, 0.9));
    expect(topicSimilarity(a, b)).toBeCloseTo(expected, 12);
    expect(topicSimilarity(b, a)).toBeCloseTo(expected, 12);
    expect(topicSimilarity(a, { ...a })).toBe(1);
    expect(topicSimilarity(a, {})).toBe(0);
    expect(topicSimilarity({ arrays: 0 }, b)).toBe(0);
  });
});
