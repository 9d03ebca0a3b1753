import { NestFactory } from '@nestjs/core';
import type { SubmissionIngestedPayload } from '@prepmate/contracts';
import { eventually, tapEvents } from '@prepmate/testing';
import { v7 as uuidv7 } from 'uuid';
import { progress, writeResult } from './bench-output';
import { startBenchSystem, stopProcesses } from './bench-processes';

const SUBMISSIONS = 10_000;
const DISTINCT_PROBLEMS = 2_000;
const BATCH_RUNS = 7;
const TAGS = [
  ['Array', 'Hash Table'],
  ['Dynamic Programming'],
  ['Graph', 'Breadth-First Search'],
  ['String', 'Two Pointers'],
  ['Greedy', 'Sorting'],
  ['Tree', 'Depth-First Search'],
  ['Math'],
  ['Binary Search'],
];
const VERDICTS = [
  'accepted',
  'wrong_answer',
  'accepted',
  'time_limit_exceeded',
  'accepted',
  'runtime_error',
];
const DIFFICULTIES = ['easy', 'medium', 'hard'];

/** 10 000 LeetCode-style submissions of one user over 2 000 problems, a year of history. */
function importBody(): unknown {
  const start = Date.UTC(2025, 10, 1);
  return {
    platform: 'leetcode',
    submissions: Array.from({ length: SUBMISSIONS }, (_, i) => {
      const p = i % DISTINCT_PROBLEMS;
      return {
        platformSubmissionId: String(1_100_000_000 + i),
        problem: {
          platformProblemId: `bench-problem-${p}`,
          title: `Bench Problem ${p} ${['Paths', 'Intervals', 'Subarrays', 'Islands', 'Queries'][p % 5]}`,
          difficulty: DIFFICULTIES[p % 3],
          tags: TAGS[p % TAGS.length],
          url: `https://leetcode.com/problems/bench-problem-${p}/`,
        },
        verdict: VERDICTS[i % VERDICTS.length],
        submittedAt: new Date(start + i * 3_000_000).toISOString(),
        language: 'python3',
        runtimeMs: 40 + (i % 200),
        memoryKb: 16_000 + (i % 4000),
        solveTimeSeconds: 300 + (i % 1800),
      };
    }),
  };
}

function newProblems(run: number, prefix: string): SubmissionIngestedPayload[] {
  return Array.from({ length: 100 }, (_, i) => ({
    submissionId: uuidv7(),
    userId: `bench-user-${prefix}`,
    platform: (['codeforces', 'leetcode', 'geeksforgeeks', 'atcoder'] as const)[i % 4],
    platformSubmissionId: String(run * 1000 + i),
    problem: {
      platformProblemId: `batch-${run}-${i}`,
      title: `Batch ${run} Problem ${i} of ${['Trees', 'Graphs', 'Strings', 'Arrays'][i % 4]}`,
      difficulty: null,
      rating: 800 + (i % 20) * 100,
      tags: TAGS[i % TAGS.length],
      url: null,
    },
    verdict: 'accepted',
    language: 'cpp',
    submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    runtimeMs: 30,
    memoryKb: 1024,
    solveTimeSeconds: null,
    syncBatchId: 'bench',
  }));
}

/**
 * One request importing 10 000 submissions through gateway → ingestion (separate processes,
 * as in production) until all are normalized by the normalization service; then normalizing
 * batches of 100 new problems in-process against the real database.
 */
export async function ingestBenchmark(): Promise<void> {
  const system = await startBenchSystem('bench-ingest', ['auth', 'ingestion', 'normalization']);
  const { exchange, prefix } = system;
  try {
    const gateway = `${system.origin}/api/v1`;
    const registered = await fetch(`${gateway}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bench-${prefix}@example.com`,
        password: 'correct horse battery',
        name: 'Bench',
      }),
    });
    // A failed registration would otherwise surface as the import's 401.
    if (registered.status !== 201)
      throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const tap = await tapEvents(exchange, ['submission.normalized']);
    const body = JSON.stringify(importBody());
    progress(
      `ingest: POST /submissions/import with ${SUBMISSIONS} submissions (${(body.length / 2 ** 20).toFixed(1)} MiB)`,
    );

    const started = performance.now();
    const response = await fetch(`${gateway}/submissions/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body,
    });
    const acceptMs = performance.now() - started;
    const answer = (await response.json()) as { inserted: number; rejected: unknown[] };
    if (response.status !== 202 || answer.inserted !== SUBMISSIONS)
      throw new Error(
        `import answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`,
      );
    progress(`ingest: accepted in ${Math.round(acceptMs)} ms; waiting for normalization`);
    let reported = 0;
    await eventually(
      () => {
        const count = new Set(
          tap.of('submission.normalized').map((event) => event.payload.submissionId),
        ).size;
        if (count - reported >= 2000)
          progress(`  normalized ${(reported = count)} / ${SUBMISSIONS}`);
        return count;
      },
      (count) => count >= SUBMISSIONS,
      { timeoutMs: 600_000, intervalMs: 50, what: 'every submission normalized' },
    );
    const normalizedMs = performance.now() - started;
    await tap.close();

    // The in-process timing runs on a quiet machine, as in the pipeline benchmark: the
    // services (and their background work) are stopped first.
    await stopProcesses(system.children);
    progress(`ingest: normalizing ${BATCH_RUNS} batches of 100 new problems in-process`);
    const batchMs = await batchNormalize(prefix, exchange);
    const sorted = [...batchMs].sort((a, b) => a - b);
    await writeResult('ingest', {
      submissions: SUBMISSIONS,
      distinctProblems: DISTINCT_PROBLEMS,
      acceptMs: Math.round(acceptMs),
      normalizedMs: Math.round(normalizedMs),
      acceptPerSec: Math.round(SUBMISSIONS / (acceptMs / 1000)),
      normalizedPerSec: Math.round(SUBMISSIONS / (normalizedMs / 1000)),
      batchNormalize100Ms: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10,
      batchNormalize100RunsMs: batchMs.map((ms) => Math.round(ms * 10) / 10),
      goal: { acceptPerSec: 5000, normalizedPerSec: 2000, batchNormalize100Ms: 50 },
    });
  } finally {
    await system.stop();
  }
}

/** The Normalizer of a normalization app context on its own database: 100 new problems per batch. */
async function batchNormalize(prefix: string, exchange: string): Promise<number[]> {
  Object.assign(process.env, {
    AMQP_EXCHANGE: exchange,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    MONGO_DB: `${prefix}_normalization_batch`,
    LOG_LEVEL: 'warn',
  });
  const { NormalizationModule } = await import('../../apps/normalization/src/normalization.module');
  const { Normalizer } = await import('../../apps/normalization/src/normalizing/normalizer');
  const app = await NestFactory.createApplicationContext(NormalizationModule, { logger: false });
  await app.init();
  try {
    const normalizer = app.get(Normalizer);
    await normalizer.normalizeBatch(newProblems(0, prefix)); // warm-up: connections, title index
    const runs: number[] = [];
    for (let run = 1; run <= BATCH_RUNS; run += 1) {
      const items = newProblems(run, prefix);
      const started = performance.now();
      const outcomes = await normalizer.normalizeBatch(items);
      runs.push(performance.now() - started);
      if (outcomes.some((outcome) => outcome.canonicalProblemId === null))
        throw new Error('a batch problem was not normalized');
    }
    return runs;
  } finally {
    await app.close();
  }
}
