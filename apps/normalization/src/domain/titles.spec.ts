import { lengthsCompatible, normalizeTitle, titleSimilarity } from './titles';

describe('title normalization (docs/product.md#normalization)', () => {
  it.each([
    ['1. Two Sum', 'two sum'],
    ['  Two   Sum!! ', 'two sum'],
    ["Last Year's Substring", 'last years substring'],
    ['Binary Table (Hard Version)', 'binary table hard version'],
    ['Red-Blue Shuffle', 'red blue shuffle'],
    ['Specific Tastes of Andre ', 'specific tastes of andre'],
    ['42) Trapping Rain Water', 'trapping rain water'],
    ['Массив', 'массив'],
    ['', ''],
  ])('%j → %j', (title, expected) => {
    expect(normalizeTitle(title)).toBe(expected);
  });

  it('scores titles by normalized edit distance', () => {
    expect(titleSimilarity('two sum', 'two sum')).toBe(1);
    expect(titleSimilarity('two sum', 'two sums')).toBeCloseTo(1 - 1 / 8, 10);
    expect(titleSimilarity('two sum', 'three sum')).toBeLessThan(0.85);
    expect(
      titleSimilarity('longest palindromic substring', 'longest palindromic subsequence'),
    ).toBeLessThan(0.85);
  });

  it('rules out pairs whose lengths alone keep them below 0.85', () => {
    expect(lengthsCompatible(20, 18)).toBe(true);
    expect(lengthsCompatible(20, 16)).toBe(false);
  });
});
