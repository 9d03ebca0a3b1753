/**
 * Per-topic mastery histograms: the population a percentile rank is read against, kept as
 * counts in fixed buckets so a read costs O(buckets) instead of O(users) (docs/architecture.md
 * "Percentiles").
 *
 * Resolution: masteries are bucketed by 1/HISTOGRAM_BUCKETS (0.001). The rank counts every
 * user of the reader's own bucket as "at or below", so it can only be above the exact rank,
 * by at most the share of users whose mastery is above the reader's but within the same
 * 0.001 bucket. The average is exact: the histogram keeps the sum of the masteries.
 */
export const HISTOGRAM_BUCKETS = 1000;

export interface MasteryHistogram {
  /** Users per bucket, by bucket index (as a string key); empty buckets are absent. */
  counts: Record<string, number>;
  /** Users counted. */
  total: number;
  /** Sum of their masteries (for the average). */
  sum: number;
}

export function emptyHistogram(): MasteryHistogram {
  return { counts: {}, total: 0, sum: 0 };
}

/** The bucket of a mastery in [0, 1] (1 falls in the last bucket). */
export function bucketOf(mastery: number): number {
  const clamped = Math.min(1, Math.max(0, mastery));
  return Math.min(HISTOGRAM_BUCKETS - 1, Math.floor(clamped * HISTOGRAM_BUCKETS));
}

/**
 * The histogram after one user's mastery moved from `from` to `to` (null: not counted before
 * / not counted any more). Never mutates its argument.
 */
export function moveInHistogram(
  histogram: MasteryHistogram,
  from: number | null,
  to: number | null,
): MasteryHistogram {
  const counts = { ...histogram.counts };
  let { total, sum } = histogram;
  if (from !== null) {
    const key = String(bucketOf(from));
    const left = (counts[key] ?? 0) - 1;
    if (left > 0) counts[key] = left;
    else delete counts[key];
    total -= 1;
    sum -= from;
  }
  if (to !== null) {
    const key = String(bucketOf(to));
    counts[key] = (counts[key] ?? 0) + 1;
    total += 1;
    sum += to;
  }
  // Rounding of many additions and subtractions; an empty histogram averages nothing.
  return { counts, total: Math.max(0, total), sum: total > 0 ? sum : 0 };
}

/** The histogram of a whole population (the rebuild, and the reference in tests). */
export function histogramOf(masteries: Iterable<number>): MasteryHistogram {
  let histogram = emptyHistogram();
  for (const mastery of masteries) histogram = moveInHistogram(histogram, null, mastery);
  return histogram;
}

/**
 * Percentile rank (0–100) and distance from the average, as `standing` of topic-metrics
 * defines them, read from the histogram at its resolution. An empty histogram (no user
 * counted yet) ranks the reader alone: 100, at the average.
 */
export function standingFromHistogram(
  mastery: number,
  histogram: MasteryHistogram | null | undefined,
): { percentileRank: number; comparisonVsAverage: number } {
  if (!histogram || histogram.total <= 0) return { percentileRank: 100, comparisonVsAverage: 0 };
  const own = bucketOf(mastery);
  let atOrBelow = 0;
  for (const [key, count] of Object.entries(histogram.counts))
    if (Number(key) <= own) atOrBelow += count;
  return {
    percentileRank: Math.min(100, (100 * atOrBelow) / histogram.total),
    comparisonVsAverage: mastery - histogram.sum / histogram.total,
  };
}
