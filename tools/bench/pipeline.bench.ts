import type { EventEnvelope } from '@prepmate/contracts';
import { eventually, tapEvents } from '@prepmate/testing';
import type { Attempt } from '../../apps/aggregation/src/domain/attempt';
import { DEFAULT_BKT } from '../../apps/aggregation/src/domain/bkt';
import { recompute } from '../../apps/aggregation/src/domain/user-aggregate';
import { OFFICIAL_ROADMAPS } from '../../apps/roadmap/src/domain/official-roadmaps';
import { computePci } from '../../apps/roadmap/src/domain/pci';
import type { RoadmapTopic } from '../../apps/roadmap/src/domain/roadmap-topic';
import { progress, writeResult } from './bench-output';
import { startBenchSystem, stopProcesses } from './bench-processes';

const USERS = 100;
const PER_USER = 100;
const IMPORT_CONCURRENCY = 10;
const TAGS = [
  ['Array', 'Hash Table'],
  ['Dynamic Programming'],
  ['Graph', 'Breadth-First Search'],
  ['String', 'Two Pointers'],
  ['Greedy', 'Sorting'],
  ['Tree', 'Depth-First Search'],
  ['Math'],
  ['Binary Search'],
  ['Stack', 'Monotonic Stack'],
  ['Linked List'],
];
const DIFFICULTIES = ['easy', 'medium', 'hard'];

/** A user's 100 LeetCode submissions over 40 problems (a shared catalog), mostly accepted. */
function importBody(user: number): unknown {
  const start = Date.UTC(2026, 8, 1);
  return {
    platform: 'leetcode',
    submissions: Array.from({ length: PER_USER }, (_, i) => {
      const p = (user * 7 + i) % 40;
      return {
        platformSubmissionId: String(2_000_000_000 + user * 1000 + i),
        problem: {
          platformProblemId: `pipeline-problem-${p}`,
          title: `Pipeline Problem ${p} ${['Paths', 'Intervals', 'Subarrays', 'Islands'][p % 4]}`,
          difficulty: DIFFICULTIES[p % 3],
          tags: TAGS[p % TAGS.length],
        },
        verdict: (i + user) % 4 === 0 ? 'wrong_answer' : 'accepted',
        submittedAt: new Date(start + i * 3_600_000 + user * 60_000).toISOString(),
        language: 'python3',
        solveTimeSeconds: 300 + ((i * 37) % 1500),
      };
    }),
  };
}

interface UserRun {
  index: number;
  userId: string;
  token: string;
  startedAt: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Per topic, the attempts a user's normalized submissions carry. */
function expectedTotals(events: EventEnvelope<'submission.normalized'>[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const event of events)
    for (const topic of event.payload.topics) totals.set(topic, (totals.get(topic) ?? 0) + 1);
  return totals;
}

/**
 * 100 users × 100 submissions imported through the gateway with every service of the
 * pipeline running as a built process (gateway, auth, ingestion, normalization, aggregation,
 * roadmap); each user follows Interview Core. Freshness of a user = from its import request
 * until the first `topic.aggregated` whose topics carry all its attempts and the last
 * `pci.recomputed` for it have been seen. Then two in-process timings of the domain
 * functions: computePci over 50 topics and a full recompute of 1 000 attempts.
 */
export async function pipelineBenchmark(): Promise<void> {
  const system = await startBenchSystem(
    'bench-pipeline',
    ['auth', 'ingestion', 'normalization', 'aggregation', 'roadmap'],
    { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' },
  );
  const { exchange, prefix } = system;
  try {
    const gateway = `${system.origin}/api/v1`;
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${gateway}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json().catch(() => null)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (response.status >= 300)
        throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
      return json;
    };

    progress(`pipeline: registering ${USERS} users, each following Interview Core`);
    const users: UserRun[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const registered = await call('POST', '/auth/register', undefined, {
        email: `bench-${i}-${prefix}@example.com`,
        password: 'correct horse battery',
        name: `Bench ${i}`,
      });
      await call('POST', '/roadmaps/interview-core/follow', registered.accessToken);
      users.push({
        index: i,
        userId: registered.user.id,
        token: registered.accessToken,
        startedAt: 0,
      });
      if ((i + 1) % 25 === 0) progress(`  ${i + 1} / ${USERS} users`);
    }

    const tap = await tapEvents(exchange, [
      'submission.normalized',
      'topic.aggregated',
      'pci.recomputed',
    ]);
    progress(
      `pipeline: importing ${USERS} × ${PER_USER} submissions, ${IMPORT_CONCURRENCY} requests at a time`,
    );
    const started = performance.now();
    const startedAtMs = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IMPORT_CONCURRENCY }, async () => {
        while (next < users.length) {
          const user = users[next++];
          user.startedAt = Date.now();
          const answer = await call(
            'POST',
            '/submissions/import',
            user.token,
            importBody(user.index),
          );
          if (answer.inserted !== PER_USER) throw new Error(`import inserted ${answer.inserted}`);
        }
      }),
    );
    const importsAcceptedMs = Math.round(performance.now() - started);
    progress(`pipeline: all imports accepted after ${importsAcceptedMs} ms`);

    // The checker reads each tapped event once (an index into the tap), keeps them per user,
    // and looks at a user's few aggregation and PCI events only: the bench process shares the
    // two cores with the system it measures, so its own work must stay small.
    const freshAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    const aggregatedAt = new Map<string, { at: number; aggregatedAt: string }>();
    const byUser = new Map(users.map((user) => [user.userId, user]));
    const normalizedOf = new Map<string, EventEnvelope<'submission.normalized'>[]>();
    const aggregatedOf = new Map<string, EventEnvelope<'topic.aggregated'>[]>();
    const pciOf = new Map<string, EventEnvelope<'pci.recomputed'>[]>();
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    let read = 0;
    let normalizedCount = 0;
    let reported = 0;
    let lastPoll = 0;
    let allNormalizedAt = 0;
    await eventually(
      async () => {
        const now = Date.now();
        const fresh = tap.events.slice(read);
        read += fresh.length;
        for (const event of fresh) {
          seenAt.set(event.eventId, now);
          if (event.type === 'submission.normalized') {
            const normalized = event as EventEnvelope<'submission.normalized'>;
            push(normalizedOf, normalized.payload.userId, normalized);
            normalizedCount += 1;
          } else if (event.type === 'topic.aggregated') {
            const aggregated = event as EventEnvelope<'topic.aggregated'>;
            push(aggregatedOf, aggregated.payload.userId, aggregated);
          } else if (event.type === 'pci.recomputed') {
            const pci = event as EventEnvelope<'pci.recomputed'>;
            push(pciOf, pci.payload.userId, pci);
          }
        }
        if (!allNormalizedAt && normalizedCount >= USERS * PER_USER) {
          allNormalizedAt = now;
          progress(`  all ${USERS * PER_USER} normalized after ${now - startedAtMs} ms`);
        }
        const poll = now - lastPoll >= 1000;
        if (poll) lastPoll = now;
        for (const user of users) {
          if (freshAt.has(user.userId)) continue;
          if (!aggregatedAt.has(user.userId)) {
            const mine = normalizedOf.get(user.userId) ?? [];
            if (mine.length < PER_USER) continue;
            // (a) the topic.aggregated events so far, latest value per topic, carry every attempt
            const expected = expectedTotals(mine);
            const totals = new Map<string, number>();
            for (const event of aggregatedOf.get(user.userId) ?? []) {
              for (const t of event.payload.topics) totals.set(t.topic, t.totalAttempts);
              if ([...expected].every(([topic, total]) => totals.get(topic) === total)) {
                aggregatedAt.set(user.userId, {
                  at: seenAt.get(event.eventId)!,
                  aggregatedAt: event.payload.aggregatedAt,
                });
                break;
              }
            }
          }
          const complete = aggregatedAt.get(user.userId);
          if (!complete) continue;
          // (b) a pci.recomputed after it; when the score did not change there is none, so the
          // stored progress is read instead (its lastUpdated must follow the aggregation)
          const pci = (pciOf.get(user.userId) ?? []).find(
            (event) => Date.parse(event.payload.computedAt) >= Date.parse(complete.aggregatedAt),
          );
          if (pci) {
            freshAt.set(user.userId, Math.max(complete.at, seenAt.get(pci.eventId)!));
          } else if (poll) {
            const stored = await call('GET', '/roadmaps/interview-core/progress', user.token);
            if (Date.parse(stored.lastUpdated) >= Date.parse(complete.aggregatedAt))
              freshAt.set(user.userId, Math.max(complete.at, Date.now()));
          }
        }
        if (freshAt.size - reported >= 20)
          progress(`  fresh users ${(reported = freshAt.size)} / ${USERS}`);
        return freshAt.size;
      },
      (count) => count === USERS,
      { timeoutMs: 600_000, intervalMs: 100, what: 'every user fresh' },
    );
    await tap.close();
    const endToEndMs = Math.max(...freshAt.values()) - startedAtMs;
    const freshness = users
      .map((user) => freshAt.get(user.userId)! - byUser.get(user.userId)!.startedAt)
      .sort((a, b) => a - b);

    // The in-process timings run on a quiet machine: the services (and their background
    // work) are stopped first, so the two cores are not shared with them.
    await stopProcesses(system.children);
    progress(
      'pipeline: timing computePci (50 topics) and a full recompute of 1 000 attempts in-process',
    );
    const computePci50TopicsMs = timePci();
    const aggregate1000AttemptsMs = timeRecompute();
    await writeResult('pipeline', {
      users: USERS,
      submissionsPerUser: PER_USER,
      endToEndMs,
      importsAcceptedMs,
      allNormalizedMs: allNormalizedAt - startedAtMs,
      submissionsPerSec: Math.round((USERS * PER_USER) / (endToEndMs / 1000)),
      freshnessP50Ms: percentile(freshness, 50),
      freshnessP99Ms: percentile(freshness, 99),
      freshnessMaxMs: freshness[freshness.length - 1],
      debounceMs: 5000,
      computePci50TopicsMs,
      aggregate1000AttemptsMs,
      goal: {
        submissionsPerSec: 1000,
        freshnessP99Ms: 10_000,
        computePci50TopicsMs: 5,
        aggregate1000AttemptsMs: 10,
      },
      baseline: {
        source: 'seed documents (quoted, not run)',
        computePci50TopicsMs: '200–500',
        aggregate1000AttemptsMs: '500–2000',
      },
    });
  } finally {
    await system.stop();
  }
}

/** Mean of many computePci calls on a 50-topic roadmap with every topic attempted. */
function timePci(): number {
  const template = OFFICIAL_ROADMAPS.flatMap((roadmap) => roadmap.topics);
  const topics: RoadmapTopic[] = Array.from({ length: 50 }, (_, i) => ({
    ...template[i % template.length],
    topic: `topic-${i}`,
    dependencies: i > 0 && i % 3 === 0 ? [`topic-${i - 1}`] : [],
  }));
  const masteries = new Map(
    topics.map((t, i) => [t.topic, { mastery: (i % 10) / 10, totalAttempts: 5 }]),
  );
  const runs = 20_000;
  for (let i = 0; i < 1000; i += 1) computePci(topics, masteries); // warm-up
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) computePci(topics, masteries);
  return Math.round(((performance.now() - started) / runs) * 1e4) / 1e4;
}

/** Median of full recomputes of 1 000 attempts over 120 problems and 10 topics. */
function timeRecompute(): number {
  const topics = [
    'arrays',
    'hashing',
    'graphs',
    'trees',
    'dynamic-programming',
    'strings',
    'greedy',
    'math',
    'sorting',
    'binary-search',
  ];
  const attempts: Attempt[] = Array.from({ length: 1000 }, (_, i) => ({
    submissionId: `bench-${i}`,
    canonicalProblemId: `problem-${(i * 7) % 120}`,
    platformSubmissionId: String(100_000 + i),
    difficulty: (['easy', 'medium', 'hard'] as const)[i % 3],
    topics: [topics[i % 10], topics[(i * 3 + 1) % 10]],
    accepted: i % 3 !== 0,
    submittedAt: Date.UTC(2026, 0, 1) + i * 3_600_000,
    solveTimeSeconds: 200 + (i % 900),
  }));
  for (let i = 0; i < 5; i += 1) recompute(attempts, DEFAULT_BKT); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 40; i += 1) {
    const started = performance.now();
    recompute(attempts, DEFAULT_BKT);
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return Math.round(runs[runs.length >> 1] * 100) / 100;
}
