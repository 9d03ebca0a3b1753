import type { Difficulty } from '@prepmate/contracts';
import type { Attempt } from '../../apps/aggregation/src/domain/attempt';
import { bktUpdate, DEFAULT_BKT } from '../../apps/aggregation/src/domain/bkt';
import { reviewCard, type StoredCard } from '../../apps/aggregation/src/domain/revision-card';

const DAY = 86_400_000;
const RANK: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };

function comparePlatformIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const diff = BigInt(a) - BigInt(b);
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * docs/product.md#topic-statistics read plainly, for tests to compare against: sort the user's whole history,
 * then compute each metric of one topic from its list of attempts, without any of the
 * service's incremental state.
 */
export function referenceTopicStats(attempts: Attempt[], topic: string, now: number) {
  const ordered = [...new Map(attempts.map((a) => [a.submissionId, a])).values()].sort(
    (a, b) =>
      a.submittedAt - b.submittedAt ||
      comparePlatformIds(a.platformSubmissionId, b.platformSubmissionId) ||
      (a.submissionId < b.submissionId ? -1 : 1),
  );
  const solved = new Set<string>();
  const cards = new Map<string, StoredCard>();
  const list: Attempt[] = [];
  let mastery = DEFAULT_BKT.initial;
  for (const a of ordered) {
    const already = solved.has(a.canonicalProblemId);
    if (a.topics.includes(topic)) {
      list.push(a);
      if (!already) mastery = bktUpdate(mastery, a.accepted, a.difficulty, DEFAULT_BKT);
    }
    if (a.accepted) {
      cards.set(
        a.canonicalProblemId,
        reviewCard(cards.get(a.canonicalProblemId) ?? null, a.submittedAt, true),
      );
      solved.add(a.canonicalProblemId);
    } else if (already) {
      cards.set(
        a.canonicalProblemId,
        reviewCard(cards.get(a.canonicalProblemId)!, a.submittedAt, false),
      );
    }
  }
  const n = list.length;
  const ok = list.filter((a) => a.accepted);
  const rate = (xs: Attempt[]) => xs.filter((a) => a.accepted).length / xs.length;
  const half = Math.floor(n / 2);
  const delta = n >= 4 ? rate(list.slice(half)) - rate(list.slice(0, half)) : 0;
  const blocks: number[] = [];
  for (let i = 0; i + 5 <= n; i += 5) blocks.push(rate(list.slice(i, i + 5)));
  const blockMean = blocks.reduce((s, r) => s + r, 0) / blocks.length;
  const sd = Math.sqrt(blocks.reduce((s, r) => s + (r - blockMean) ** 2, 0) / blocks.length);
  const meanRank = (xs: Attempt[]) => xs.reduce((s, a) => s + RANK[a.difficulty], 0) / xs.length;
  const times = ok
    .flatMap((a) => (a.solveTimeSeconds === null ? [] : [a.solveTimeSeconds]))
    .sort((x, y) => x - y);
  const last = Math.max(...list.map((a) => a.submittedAt));
  const days = Math.floor((now - last) / DAY);
  const recent = list.filter((a) => a.submittedAt > now - 30 * DAY).length;
  const solvedHere = new Set(ok.map((a) => a.canonicalProblemId));
  const byDifficulty = (xs: Attempt[]) => ({
    easy: xs.filter((a) => a.difficulty === 'easy').length,
    medium: xs.filter((a) => a.difficulty === 'medium').length,
    hard: xs.filter((a) => a.difficulty === 'hard').length,
  });
  return {
    totalAttempts: n,
    successfulAttempts: ok.length,
    failedAttempts: n - ok.length,
    successRate: n === 0 ? 0 : ok.length / n,
    attemptsByDifficulty: byDifficulty(list),
    successByDifficulty: byDifficulty(ok),
    avgSolveTimeSeconds:
      times.length === 0 ? null : times.reduce((s, t) => s + t, 0) / times.length,
    medianSolveTimeSeconds:
      times.length === 0
        ? null
        : times.length % 2
          ? times[times.length >> 1]
          : (times[times.length / 2 - 1] + times[times.length / 2]) / 2,
    minSolveTimeSeconds: times.length === 0 ? null : times[0],
    maxSolveTimeSeconds: times.length === 0 ? null : times[times.length - 1],
    uniqueProblemsAttempted: new Set(list.map((a) => a.canonicalProblemId)).size,
    uniqueProblemsSolved: solvedHere.size,
    lastActivity: new Date(last).toISOString(),
    daysSinceLastActivity: days,
    estimatedMastery: mastery,
    masteryTrend: delta > 0.1 ? 'improving' : delta < -0.1 ? 'declining' : 'stable',
    retentionLevel: days <= 7 ? 'high' : days <= 21 ? 'medium' : days <= 45 ? 'low' : 'critical',
    consistencyScore: blocks.length < 2 ? 0 : Math.min(100, Math.max(0, 100 * (1 - sd / 0.5))),
    engagementScore: 100 * Math.exp(-days / 14) * Math.min(1, recent / 20),
    difficultyAdaptation:
      n < 2 ? 0 : (meanRank(list.slice(half)) - meanRank(list.slice(0, half))) / 2,
    problemsDueForRevision: [...solvedHere].filter((p) => cards.get(p)!.due <= now).length,
  };
}

/** Expects `actual` to carry every reference value (numbers to 9 decimals). */
export function expectMatchesReference(
  actual: Record<string, unknown>,
  reference: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(reference)) {
    if (typeof value === 'number')
      expect({ [key]: actual[key] }).toEqual({ [key]: expect.closeTo(value, 9) });
    else expect({ [key]: actual[key] }).toEqual({ [key]: value });
  }
}
