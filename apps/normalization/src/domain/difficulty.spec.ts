import { codeforcesDifficulty, deriveDifficulty, platformDifficulty } from './difficulty';

describe('difficulty derivation (docs/product.md#ingestion)', () => {
  it.each([
    [800, 'easy'],
    [1200, 'easy'],
    [1201, 'medium'],
    [1900, 'medium'],
    [1901, 'hard'],
    [3500, 'hard'],
  ])('Codeforces rating %i → %s', (rating, expected) => {
    expect(codeforcesDifficulty(rating)).toBe(expected);
  });

  it('uses the stated difficulty, then the rating, else medium', () => {
    expect(deriveDifficulty('leetcode', { difficulty: 'hard', rating: null })).toBe('hard');
    expect(deriveDifficulty('codeforces', { difficulty: null, rating: 2100 })).toBe('hard');
    expect(deriveDifficulty('codeforces', { difficulty: null, rating: null })).toBe('medium');
    expect(deriveDifficulty('geeksforgeeks', { difficulty: null, rating: null })).toBe('medium');
    expect(deriveDifficulty('atcoder', { difficulty: null, rating: 2000 })).toBe('medium');
  });

  it('tells apart a platform that gave no difficulty (the canonical one applies then)', () => {
    expect(platformDifficulty('geeksforgeeks', { difficulty: null, rating: null })).toBeNull();
    expect(platformDifficulty('codeforces', { difficulty: null, rating: 1500 })).toBe('medium');
  });
});
