import type { Difficulty, Platform } from '@prepmate/contracts';
import { SIMILAR_TITLE, titleSimilarity } from './titles';

/** What matching needs to know of a canonical problem. */
export interface CanonicalCandidate {
  id: string;
  normalizedTitle: string;
  difficulty: Difficulty;
  topics: readonly string[];
  /** Platforms that already have a problem mapped to it. */
  platforms: readonly Platform[];
}

/** A platform problem that has no mapping yet. */
export interface NewPlatformProblem {
  platform: Platform;
  normalizedTitle: string;
  difficulty: Difficulty;
  topics: readonly string[];
}

export type MatchMethod = 'exact_title_match' | 'heuristic' | 'new';

export interface MatchDecision {
  /** Map to `canonicalId`, or create a new canonical problem. */
  action: 'map' | 'create';
  canonicalId: string | null;
  method: MatchMethod;
  /** Confidence of the best candidate (0 when there was none). */
  confidence: number;
  /** 0.6 ≤ confidence < 0.8: the new problem may duplicate this one (for admin review). */
  possibleDuplicateOf: string | null;
}

export const MAP_THRESHOLD = 0.8;
export const REVIEW_THRESHOLD = 0.6;

/** |A ∩ B| / |A ∪ B|; two empty topic lists share no evidence, so 0. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 && right.size === 0) return 0;
  let both = 0;
  for (const item of left) if (right.has(item)) both += 1;
  return both / (left.size + right.size - both);
}

/** §3: 0.6·titleSimilarity + 0.25·jaccard(topics) + 0.15·(same difficulty). */
export function matchConfidence(
  titleSim: number,
  topicsA: readonly string[],
  topicsB: readonly string[],
  sameDifficulty: boolean,
): number {
  return 0.6 * titleSim + 0.25 * jaccard(topicsA, topicsB) + 0.15 * (sameDifficulty ? 1 : 0);
}

/**
 * docs/product.md#normalization steps 2–4: among canonical problems with an equal or similar (≥ 0.85) title
 * that no problem of the same platform maps to yet, the most confident decides: ≥ 0.8 map
 * (exact_title_match when the titles are equal, else heuristic), 0.6–0.8 create and record a
 * possible duplicate, below create. Ties go to the exact title, then the older (smaller) id.
 */
export function decideMatch(
  problem: NewPlatformProblem,
  candidates: readonly CanonicalCandidate[],
): MatchDecision {
  let best: { candidate: CanonicalCandidate; confidence: number; exact: boolean } | null = null;
  for (const candidate of candidates) {
    if (candidate.platforms.includes(problem.platform)) continue;
    const similarity = titleSimilarity(problem.normalizedTitle, candidate.normalizedTitle);
    if (similarity < SIMILAR_TITLE) continue;
    const confidence = matchConfidence(
      similarity,
      problem.topics,
      candidate.topics,
      problem.difficulty === candidate.difficulty,
    );
    const exact = similarity === 1;
    const better =
      !best ||
      confidence > best.confidence ||
      (confidence === best.confidence && exact && !best.exact) ||
      (confidence === best.confidence && exact === best.exact && candidate.id < best.candidate.id);
    if (better) best = { candidate, confidence, exact };
  }
  if (!best) {
    return {
      action: 'create',
      canonicalId: null,
      method: 'new',
      confidence: 0,
      possibleDuplicateOf: null,
    };
  }
  const confidence = Math.round(best.confidence * 1e6) / 1e6;
  if (confidence >= MAP_THRESHOLD) {
    return {
      action: 'map',
      canonicalId: best.candidate.id,
      method: best.exact ? 'exact_title_match' : 'heuristic',
      confidence,
      possibleDuplicateOf: null,
    };
  }
  return {
    action: 'create',
    canonicalId: null,
    method: 'new',
    confidence,
    possibleDuplicateOf: confidence >= REVIEW_THRESHOLD ? best.candidate.id : null,
  };
}
