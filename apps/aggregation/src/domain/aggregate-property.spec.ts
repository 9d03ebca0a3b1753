import fc from 'fast-check';
import type { Difficulty } from '@prepmate/contracts';
import type { Attempt } from './attempt';
import {
  expectMatchesReference,
  referenceTopicStats,
} from '../../../../test/reference/topic-stats';
import { DEFAULT_BKT } from './bkt';
import { topicMetrics } from './topic-metrics';
import { advance, emptyAggregate, recompute, type UserAggregate } from './user-aggregate';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const NOW = T0 + 40 * 24 * HOUR;
const TOPICS = ['arrays', 'graphs', 'trees'];

const attemptArb = fc.record({
  problem: fc.integer({ min: 0, max: 7 }),
  platformId: fc.integer({ min: 1, max: 400 }),
  hour: fc.integer({ min: 0, max: 30 * 24 }),
  difficulty: fc.constantFrom<Difficulty>('easy', 'medium', 'hard'),
  topics: fc.subarray(TOPICS, { minLength: 1 }),
  accepted: fc.boolean(),
  solveTime: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
});

const historyArb = fc.array(attemptArb, { maxLength: 70 }).map((raw) =>
  raw.map((r, index): Attempt => ({
    submissionId: `sub-${String(index).padStart(3, '0')}`,
    canonicalProblemId: `problem-${r.problem}`,
    platformSubmissionId: String(r.platformId),
    difficulty: r.difficulty,
    topics: r.topics,
    accepted: r.accepted,
    submittedAt: T0 + r.hour * HOUR,
    solveTimeSeconds: r.solveTime,
  })),
);

/**
 * Delivers the history in random chunks, in random order, with duplicates, and sometimes
 * hands attempts applied before back as pending (a job killed before it marked them).
 */
function deliver(
  history: Attempt[],
  order: number[],
  cuts: number[],
  replays: boolean[],
): UserAggregate {
  const stored = new Map<string, Attempt>();
  let aggregate = emptyAggregate();
  let previous: Attempt[] = [];
  const sequence = order.map((i) => history[i % history.length]);
  const bounds = [
    ...new Set([0, ...cuts.map((c) => c % (sequence.length + 1)), sequence.length]),
  ].sort((a, b) => a - b);
  for (let k = 0; k + 1 < bounds.length; k += 1) {
    const chunk = sequence.slice(bounds[k], bounds[k + 1]);
    const fresh = chunk.filter((a) => !stored.has(a.submissionId));
    for (const a of fresh) stored.set(a.submissionId, a);
    const pending = replays[k % replays.length] ? [...previous, ...fresh] : fresh;
    aggregate = advance(aggregate, pending, () => [...stored.values()], DEFAULT_BKT).aggregate;
    previous = fresh;
  }
  return aggregate;
}

describe('incremental = full recompute = the spec, whatever the delivery', () => {
  it('holds for random histories, chunkings, duplicates, late and replayed attempts', () => {
    fc.assert(
      fc.property(
        historyArb.filter((h) => h.length > 0),
        fc.array(fc.nat(), { minLength: 1, maxLength: 140 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (history, order, cuts, replays) => {
          // every attempt delivered at least once, some several times, in random order
          const full = [...history.keys(), ...order];
          const incremental = deliver(history, full, cuts, replays);
          const recomputed = recompute(history, DEFAULT_BKT);
          expect(incremental).toEqual(recomputed);
          for (const topic of Object.keys(recomputed.topics)) {
            const got = topicMetrics(recomputed.topics[topic], recomputed.problems, NOW);
            expectMatchesReference({ ...got }, referenceTopicStats(history, topic, NOW));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('in-order chunks take the incremental path; a late attempt triggers a recompute', () => {
    const [a, b, c] = [0, 1, 2].map((i): Attempt => ({
      submissionId: `s${i}`,
      canonicalProblemId: `p${i}`,
      platformSubmissionId: String(i),
      difficulty: 'medium',
      topics: ['arrays'],
      accepted: true,
      submittedAt: T0 + i * HOUR,
      solveTimeSeconds: null,
    }));
    const first = advance(emptyAggregate(), [a, c], () => [a, c], DEFAULT_BKT);
    expect(first.mode).toBe('incremental');
    const late = advance(first.aggregate, [b], () => [a, b, c], DEFAULT_BKT);
    expect(late.mode).toBe('recompute');
    expect(late.changedTopics).toEqual(['arrays']);
    expect(late.aggregate).toEqual(recompute([a, b, c], DEFAULT_BKT));
    const replay = advance(late.aggregate, [c], () => [a, b, c], DEFAULT_BKT);
    expect(replay).toMatchObject({ mode: 'recompute', changedTopics: [] });
  });
});
