import type { EventEnvelope } from '@prepmate/contracts';
import { runCommand } from '@prepmate/infra';
import { eventually, tapEvents } from '@prepmate/testing';
import { progress, writeResult } from './bench-output';
import { startBenchSystem } from './bench-processes';

/** Scale (the issue's: 10 rounds of 100 users × 100 submissions, 500 new problems a round). */
const ROUNDS = Number(process.env.BENCH_GROWTH_ROUNDS ?? 10);
const USERS = Number(process.env.BENCH_GROWTH_USERS ?? 100);
const PER_USER = Number(process.env.BENCH_GROWTH_SUBMISSIONS ?? 100);
const NEW_PROBLEMS = Number(process.env.BENCH_GROWTH_PROBLEMS ?? 500);
const POLL_EVERY_MS = 1_000;
const IMPORT_CONCURRENCY = 10;
/** The PostgreSQL database under FerretDB, whose statistics count the scans (FerretDB only). */
const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/prepmate_ferretdb';

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
  ['Heap (Priority Queue)'],
  ['Backtracking'],
];
const WORDS = ['Paths', 'Intervals', 'Subarrays', 'Islands', 'Coins', 'Towers', 'Strings', 'Trees'];
const DIFFICULTIES = ['easy', 'medium', 'hard'];

/** Round r's user u: 100 submissions over the 500 problems new in round r, mostly accepted. */
function importBody(round: number, user: number): unknown {
  const start = Date.UTC(2026, 8, 1) + round * 86_400_000;
  return {
    platform: 'leetcode',
    submissions: Array.from({ length: PER_USER }, (_, i) => {
      const p = round * NEW_PROBLEMS + ((user * 7 + i * 3) % NEW_PROBLEMS);
      return {
        platformSubmissionId: String(3_000_000_000 + (round * USERS + user) * 1000 + i),
        problem: {
          platformProblemId: `growth-problem-${p}`,
          title: `${WORDS[p % 8]} ${WORDS[(p >> 3) % 8]} ${p} ${WORDS[(p >> 6) % 8]}`,
          difficulty: DIFFICULTIES[p % 3],
          tags: TAGS[p % TAGS.length],
        },
        verdict: (i + user) % 4 === 0 ? 'wrong_answer' : 'accepted',
        submittedAt: new Date(start + i * 600_000 + user * 1_000).toISOString(),
        language: 'python3',
        solveTimeSeconds: 300 + ((i * 37) % 1500),
      };
    }),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface ScanCounts {
  seqScan: number;
  seqTupRead: number;
  idxScan: number;
  /** Per collection (FerretDB's table name without its hash suffix), `<database>.<collection>`. */
  byTable: Record<string, { seqScan: number; seqTupRead: number; idxScan: number }>;
}

/**
 * PostgreSQL's counters of the tables of this system's databases (one schema per database on
 * FerretDB), or null when the database is not FerretDB on that PostgreSQL.
 */
async function scanCounts(prefix: string): Promise<ScanCounts | null> {
  const result = await runCommand('psql', [
    POSTGRES_URL,
    '-At',
    '-F',
    '\t',
    '-c',
    `SELECT schemaname, relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0)
       FROM pg_stat_user_tables WHERE schemaname LIKE '${prefix}\\_%'`,
  ]);
  if (result.code !== 0) return null;
  const counts: ScanCounts = { seqScan: 0, seqTupRead: 0, idxScan: 0, byTable: {} };
  for (const line of result.stdout.split('\n').filter(Boolean)) {
    const [schema, table, seq, tup, idx] = line.split('\t');
    const name = `${schema.slice(prefix.length + 1)}.${table.replace(/_[0-9a-f]{8}$/, '')}`;
    if (name.endsWith('._ferretdb_database_metadata')) continue;
    counts.seqScan += Number(seq);
    counts.seqTupRead += Number(tup);
    counts.idxScan += Number(idx);
    counts.byTable[name] = { seqScan: Number(seq), seqTupRead: Number(tup), idxScan: Number(idx) };
  }
  return counts;
}

function scanDelta(before: ScanCounts | null, after: ScanCounts | null) {
  if (!before || !after) return null;
  const byTable: ScanCounts['byTable'] = {};
  for (const [name, now] of Object.entries(after.byTable)) {
    const then = before.byTable[name] ?? { seqScan: 0, seqTupRead: 0, idxScan: 0 };
    const delta = {
      seqScan: now.seqScan - then.seqScan,
      seqTupRead: now.seqTupRead - then.seqTupRead,
      idxScan: now.idxScan - then.idxScan,
    };
    if (delta.seqScan || delta.idxScan) byTable[name] = delta;
  }
  return {
    seqScan: after.seqScan - before.seqScan,
    seqTupRead: after.seqTupRead - before.seqTupRead,
    idxScan: after.idxScan - before.idxScan,
    byTable,
  };
}

interface RoundUser {
  index: number;
  userId: string;
  token: string;
}

/**
 * Growth: ROUNDS rounds of USERS new users, each importing PER_USER LeetCode-format
 * submissions over NEW_PROBLEMS problems new to the catalog that round, while every user of
 * the round polls its topic stats once a second (a dashboard) until its import is
 * aggregated. Per round: submissions/s from the first import to the last user converged
 * (every attempt in its `topic.aggregated` events), topic-stats latency percentiles under
 * that polling, and PostgreSQL's sequential and index scans of the round (FerretDB).
 * Flat cost: the last round within 1.25× of the first.
 */
export async function growthBenchmark(): Promise<void> {
  const system = await startBenchSystem(
    'bench-growth',
    ['auth', 'ingestion', 'normalization', 'aggregation', 'roadmap'],
    { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' },
  );
  const { exchange, prefix } = system;
  const rounds: Record<string, unknown>[] = [];
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

    for (let round = 0; round < ROUNDS; round += 1) {
      progress(`growth: round ${round + 1} / ${ROUNDS}: registering ${USERS} users`);
      const users: RoundUser[] = [];
      for (let i = 0; i < USERS; i += 1) {
        const registered = await call('POST', '/auth/register', undefined, {
          email: `growth-${round}-${i}-${prefix}@example.com`,
          password: 'correct horse battery',
          name: `Growth ${round}.${i}`,
        });
        users.push({ index: i, userId: registered.user.id, token: registered.accessToken });
      }
      const tap = await tapEvents(exchange, ['submission.normalized', 'topic.aggregated']);
      const scansBefore = await scanCounts(prefix);
      const converged = new Set<string>();
      const pollLatencies: number[] = [];
      let pollErrors = 0;
      const polling: Promise<void>[] = [];
      const poll = async (user: RoundUser) => {
        while (!converged.has(user.userId)) {
          const started = performance.now();
          await call('GET', '/telemetry/topic-stats?limit=100', user.token).then(
            () => pollLatencies.push(performance.now() - started),
            () => (pollErrors += 1),
          );
          await new Promise((resolve) =>
            setTimeout(resolve, Math.max(0, POLL_EVERY_MS - (performance.now() - started))),
          );
        }
      };

      progress(`growth: round ${round + 1}: importing ${USERS} × ${PER_USER}, every user polling`);
      const startedAt = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: IMPORT_CONCURRENCY }, async () => {
          while (next < users.length) {
            const user = users[next++];
            polling.push(poll(user));
            const answer = await call(
              'POST',
              '/submissions/import',
              user.token,
              importBody(round, user.index),
            );
            if (answer.inserted !== PER_USER) throw new Error(`import inserted ${answer.inserted}`);
          }
        }),
      );
      const importsAcceptedMs = Date.now() - startedAt;

      let lastAt = startedAt;
      await eventually(
        () => {
          const normalized = new Map<string, EventEnvelope<'submission.normalized'>[]>();
          for (const event of tap.of('submission.normalized'))
            normalized.set(event.payload.userId, [
              ...(normalized.get(event.payload.userId) ?? []),
              event,
            ]);
          const aggregated = new Map<string, Map<string, number>>();
          for (const event of tap.of('topic.aggregated')) {
            const totals = aggregated.get(event.payload.userId) ?? new Map<string, number>();
            for (const t of event.payload.topics) totals.set(t.topic, t.totalAttempts);
            aggregated.set(event.payload.userId, totals);
          }
          for (const user of users) {
            if (converged.has(user.userId)) continue;
            const mine = normalized.get(user.userId) ?? [];
            if (mine.length < PER_USER) continue;
            const expected = new Map<string, number>();
            for (const event of mine)
              for (const topic of event.payload.topics)
                expected.set(topic, (expected.get(topic) ?? 0) + 1);
            const totals = aggregated.get(user.userId);
            if ([...expected].every(([topic, total]) => totals?.get(topic) === total)) {
              converged.add(user.userId);
              lastAt = Date.now();
            }
          }
          return converged.size;
        },
        (count) => count === USERS,
        { timeoutMs: 900_000, intervalMs: 200, what: `round ${round + 1} converged` },
      );
      await Promise.all(polling);
      await tap.close();
      const scans = scanDelta(scansBefore, await scanCounts(prefix));
      const convergedMs = lastAt - startedAt;
      pollLatencies.sort((a, b) => a - b);
      const result = {
        round: round + 1,
        usersSoFar: (round + 1) * USERS,
        submissionsSoFar: (round + 1) * USERS * PER_USER,
        problemsSoFar: (round + 1) * NEW_PROBLEMS,
        importsAcceptedMs,
        convergedMs,
        submissionsPerSec: Math.round((USERS * PER_USER) / (convergedMs / 1000)),
        topicStats: {
          polls: pollLatencies.length,
          errors: pollErrors,
          p50Ms: Math.round(percentile(pollLatencies, 50) * 10) / 10,
          p99Ms: Math.round(percentile(pollLatencies, 99) * 10) / 10,
          maxMs: Math.round((pollLatencies.at(-1) ?? 0) * 10) / 10,
        },
        scans,
      };
      rounds.push(result);
      progress(
        `growth: round ${round + 1}: ${result.submissionsPerSec} submissions/s, ` +
          `topic-stats p99 ${result.topicStats.p99Ms} ms, ` +
          `seq scans ${scans?.seqScan ?? 'n/a'} (index scans ${scans?.idxScan ?? 'n/a'})`,
      );
    }
  } finally {
    await system.stop();
  }
  const rate = (r: Record<string, unknown>) => r.submissionsPerSec as number;
  await writeResult('growth', {
    rounds: ROUNDS,
    usersPerRound: USERS,
    submissionsPerUser: PER_USER,
    newProblemsPerRound: NEW_PROBLEMS,
    pollEveryMs: POLL_EVERY_MS,
    lastVsFirstCost: Math.round((rate(rounds[0]) / rate(rounds.at(-1)!)) * 100) / 100,
    perRound: rounds,
    goal: {
      lastVsFirstCost: 1.25,
      submissionsPerSecPerRound: 1000,
      topicStatsP99Ms: 50,
    },
  });
}
