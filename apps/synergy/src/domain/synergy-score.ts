/**
 * The synergy score of two learners and its four components (docs/synergy.md, "Score").
 * Every function is pure: the pair job gathers the inputs and stores what these return.
 */

/** Score weights: mutual scratches, level proximity, topic similarity, consistency. */
export const SCORE_WEIGHTS = { mutual: 0.4, level: 0.3, topic: 0.2, consistency: 0.1 } as const;

/** The score at or above which a pair's chat unlocks (and stays unlocked). */
export const CHAT_UNLOCK_SCORE = 0.6;

/** Distinct scratched posts that saturate the mutual weight. */
export const MUTUAL_SATURATION = 100;

/** Interaction days that saturate the consistency factor, and the window they are counted in. */
export const CONSISTENCY_SATURATION_DAYS = 15;
export const CONSISTENCY_WINDOW_DAYS = 30;

/**
 * min(bidirectional/100, 1), bidirectional = a→b + b→a when both are at least 1, else 0
 * (a→b: distinct posts of B that A scratched).
 */
export function mutualScratchWeight(aToB: number, bToA: number): number {
  const bidirectional = aToB >= 1 && bToA >= 1 ? aToB + bToA : 0;
  return Math.min(bidirectional / MUTUAL_SATURATION, 1);
}

/** 1/(1 + |levelA − levelB|). */
export function levelProximity(levelA: number, levelB: number): number {
  return 1 / (1 + Math.abs(levelA - levelB));
}

/**
 * Cosine of two mastery vectors over the union of their topics (a topic one of them lacks
 * counts 0 for them); 0 when either vector is zero.
 */
export function topicSimilarity(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [topic, value] of Object.entries(a)) {
    normA += value * value;
    dot += value * (b[topic] ?? 0);
  }
  for (const value of Object.values(b)) normB += value * value;
  if (normA === 0 || normB === 0) return 0;
  // Rounding can push the cosine of identical vectors a hair past 1.
  return Math.min(1, dot / (Math.sqrt(normA) * Math.sqrt(normB)));
}

/** min(interactionDays/15, 1). */
export function consistencyFactor(interactionDays: number): number {
  return Math.min(interactionDays / CONSISTENCY_SATURATION_DAYS, 1);
}

export interface SynergyComponents {
  mutualScratchWeight: number;
  levelProximityScore: number;
  topicSimilarityScore: number;
  consistencyFactor: number;
}

/**
 * 0.4·mutual + 0.3·level + 0.2·topic + 0.1·consistency, rounded to 9 decimals so that
 * floating-point noise (0.4·0.25 + 0.3 + 0.2 = 0.6000000000000001) never decides the unlock.
 */
export function synergyScore(components: SynergyComponents): number {
  const score =
    SCORE_WEIGHTS.mutual * components.mutualScratchWeight +
    SCORE_WEIGHTS.level * components.levelProximityScore +
    SCORE_WEIGHTS.topic * components.topicSimilarityScore +
    SCORE_WEIGHTS.consistency * components.consistencyFactor;
  return Math.round(score * 1e9) / 1e9;
}

/** Sticky: once unlocked a pair stays unlocked whatever its score does later. */
export function chatUnlocked(alreadyUnlocked: boolean, score: number): boolean {
  return alreadyUnlocked || score >= CHAT_UNLOCK_SCORE;
}
