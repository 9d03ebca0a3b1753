import { distance } from 'fastest-levenshtein';

/**
 * docs/product.md#normalization: lower-case, punctuation removed, leading numbering like "1." removed,
 * spaces collapsed ("1. Two Sum!" → "two sum"). Letters of every script are kept, so a
 * title in another alphabet still has a key.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*\d+\s*[.):-]\s*/u, '')
    .replace(/['’`]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/gu, ' ');
}

/** Normalized edit-distance similarity of two normalized titles: 1 − distance / longer length. */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

/** Titles closer than this are candidates for the same canonical problem (§3). */
export const SIMILAR_TITLE = 0.85;

/**
 * Whether two lengths can reach SIMILAR_TITLE at all: the distance is at least the length
 * difference, so 1 − |la − lb| / max < 0.85 rules a pair out without computing it.
 */
export function lengthsCompatible(a: number, b: number): boolean {
  const longer = Math.max(a, b);
  return longer === 0 || 1 - Math.abs(a - b) / longer >= SIMILAR_TITLE;
}
