import { levelProximity, SCORE_WEIGHTS, topicSimilarity } from './synergy-score';

export interface Learner {
  userId: string;
  level: number;
  masteries: Record<string, number>;
}

export interface Suggestion {
  userId: string;
  level: number;
  levelProximityScore: number;
  topicSimilarityScore: number;
  affinity: number;
}

/**
 * Level buckets to read, nearest first: mine, then one below and one above, two below and two
 * above … within 0–9.
 */
export function bucketsByDistance(bucket: number, buckets = 10): number[] {
  const order = [bucket];
  for (let distance = 1; distance < buckets; distance += 1) {
    if (bucket - distance >= 0) order.push(bucket - distance);
    if (bucket + distance < buckets) order.push(bucket + distance);
  }
  return order;
}

/**
 * Ranks candidates by the part of the score two learners have before any interaction:
 * 0.3·level proximity + 0.2·topic similarity (ties: higher level proximity, then user id).
 * `me` and everyone in `excluded` (my partners) are left out.
 */
export function rankSuggestions(
  me: Learner,
  candidates: readonly Learner[],
  excluded: ReadonlySet<string>,
  limit: number,
): Suggestion[] {
  return candidates
    .filter((c) => c.userId !== me.userId && !excluded.has(c.userId))
    .map((c) => {
      const levelProximityScore = levelProximity(me.level, c.level);
      const topicSimilarityScore = topicSimilarity(me.masteries, c.masteries);
      return {
        userId: c.userId,
        level: c.level,
        levelProximityScore,
        topicSimilarityScore,
        affinity:
          SCORE_WEIGHTS.level * levelProximityScore + SCORE_WEIGHTS.topic * topicSimilarityScore,
      };
    })
    .sort(
      (x, y) =>
        y.affinity - x.affinity ||
        y.levelProximityScore - x.levelProximityScore ||
        (x.userId < y.userId ? -1 : 1),
    )
    .slice(0, limit);
}
