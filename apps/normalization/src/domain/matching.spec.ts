import { type CanonicalCandidate, decideMatch, jaccard, matchConfidence } from './matching';

const candidate = (over: Partial<CanonicalCandidate> = {}): CanonicalCandidate => ({
  id: 'c1',
  normalizedTitle: 'two sum',
  difficulty: 'easy',
  topics: ['arrays', 'hashing'],
  platforms: ['leetcode'],
  ...over,
});

describe('confidence (docs/product.md#normalization)', () => {
  it('weighs title 0.6, topics 0.25 and difficulty 0.15', () => {
    expect(matchConfidence(1, ['a', 'b'], ['a', 'b'], true)).toBeCloseTo(1, 10);
    expect(matchConfidence(1, ['a', 'b'], ['b', 'c'], false)).toBeCloseTo(0.6 + 0.25 / 3, 10);
    expect(matchConfidence(0.9, [], [], true)).toBeCloseTo(0.54 + 0.15, 10);
  });

  it('computes jaccard, with two empty lists as no evidence', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(jaccard([], [])).toBe(0);
    expect(jaccard(['a'], [])).toBe(0);
  });
});

describe('canonical matching', () => {
  it('maps the same title, topics and difficulty from another platform (exact title)', () => {
    const decision = decideMatch(
      {
        platform: 'geeksforgeeks',
        normalizedTitle: 'two sum',
        difficulty: 'easy',
        topics: ['arrays', 'hashing'],
      },
      [candidate()],
    );
    expect(decision).toEqual({
      action: 'map',
      canonicalId: 'c1',
      method: 'exact_title_match',
      confidence: 1,
      possibleDuplicateOf: null,
    });
  });

  it('maps a similar title with a heuristic when the evidence is strong', () => {
    const decision = decideMatch(
      {
        platform: 'geeksforgeeks',
        normalizedTitle: 'two sums',
        difficulty: 'easy',
        topics: ['arrays', 'hashing'],
      },
      [candidate()],
    );
    expect(decision).toMatchObject({ action: 'map', method: 'heuristic' });
    expect(decision.confidence).toBeCloseTo(0.6 * (1 - 1 / 8) + 0.4, 6);
  });

  it('creates a new problem and records a possible duplicate between 0.6 and 0.8', () => {
    // Codeforces "Array" vs LeetCode "Array": same title, other topics and difficulty.
    const decision = decideMatch(
      { platform: 'codeforces', normalizedTitle: 'array', difficulty: 'hard', topics: ['greedy'] },
      [candidate({ normalizedTitle: 'array', topics: ['arrays'], difficulty: 'easy' })],
    );
    expect(decision).toEqual({
      action: 'create',
      canonicalId: null,
      method: 'new',
      confidence: 0.6,
      possibleDuplicateOf: 'c1',
    });
  });

  it('creates without review when no title is close enough', () => {
    const decision = decideMatch(
      {
        platform: 'codeforces',
        normalizedTitle: 'three sum',
        difficulty: 'easy',
        topics: ['arrays', 'hashing'],
      },
      [candidate()],
    );
    expect(decision).toMatchObject({ action: 'create', possibleDuplicateOf: null, confidence: 0 });
  });

  it('never merges two problems of the same platform', () => {
    const decision = decideMatch(
      {
        platform: 'leetcode',
        normalizedTitle: 'two sum',
        difficulty: 'easy',
        topics: ['arrays', 'hashing'],
      },
      [candidate()],
    );
    expect(decision.action).toBe('create');
  });

  it('picks the most confident candidate, exact titles first on ties', () => {
    const decision = decideMatch(
      { platform: 'codechef', normalizedTitle: 'two sum', difficulty: 'easy', topics: ['arrays'] },
      [
        candidate({ id: 'c2', topics: ['graphs'] }),
        candidate({ id: 'c3', topics: ['arrays'] }),
        candidate({ id: 'c0', normalizedTitle: 'two sun', topics: ['arrays'] }),
      ],
    );
    expect(decision).toMatchObject({
      action: 'map',
      canonicalId: 'c3',
      method: 'exact_title_match',
    });
  });
});
