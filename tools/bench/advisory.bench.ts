import { eventually, freePort } from '@prepmate/testing';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { catalogSubmissions } from '../../test/support/catalog-import';
import { OpenAiStub } from '../../test/advisory/openai-stub';
import { progress, writeResult } from './bench-output';
import { startBenchSystem, startProcess, stopProcesses, waitFor } from './bench-processes';

const REQUESTS = Number(process.env.BENCH_ADVISORY_REQUESTS ?? 300);
const WARMUP = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return Math.round(value * 10) / 10;
}

function summary(values: number[]) {
  return { p50Ms: percentile(values, 50), p99Ms: percentile(values, 99), requests: values.length };
}

/**
 * `rules` task generation through the gateway (gateway → advisory → roadmap, aggregation and
 * normalization RPCs → MongoDB), one request at a time for its latency; then the same with the
 * `openai` provider against an OpenAI-compatible stub that answers at once, where the
 * service's own overhead around the model is the runner's time per inference (budget check,
 * the SDK's request to the stub and back, parsing, schema, guardrails, budget spend), read
 * from the inference log. Each provider runs in its own advisory process on the same data.
 */
export async function advisoryBenchmark(): Promise<void> {
  const system = await startBenchSystem(
    'bench-adv',
    ['auth', 'ingestion', 'normalization', 'aggregation', 'roadmap'],
    { RATE_LIMIT_ADVISORY_PER_MINUTE: '100000', AGGREGATION_DEBOUNCE_MS: '300' },
  );
  const stub = new OpenAiStub(0);
  try {
    const api = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${system.origin}/api/v1${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    const register = async (name: string) => {
      const r = await api('POST', '/auth/register', undefined, {
        email: `${name}-${system.prefix}@example.com`,
        password: 'correct horse battery',
        name,
      });
      return r.body.accessToken as string;
    };

    progress('advisory: importing a catalog and a Codeforces learner who follows Interview Core');
    const catalog = catalogSubmissions(system.prefix);
    const owner = await register('catalog');
    await api('POST', '/submissions/import', owner, catalog);
    const learner = await register('learner');
    await api('POST', '/roadmaps/interview-core/follow', learner);
    const codeforces = JSON.parse(
      readFileSync(
        join(__dirname, '../../test/fixtures/codeforces/user-status-rishgod.json'),
        'utf8',
      ),
    );
    await api('POST', '/submissions/import?format=codeforces', learner, codeforces);
    await eventually(
      async () => (await api('GET', '/problems?limit=100&topic=arrays', owner)).body.items.length,
      (count) => count >= 8,
      { what: 'the catalog normalized', timeoutMs: 120_000 },
    );

    const advisoryEnv = {
      AMQP_EXCHANGE: system.exchange,
      AMQP_QUEUE_PREFIX: `${system.prefix}.`,
      MONGO_DB_PREFIX: system.prefix,
      REDIS_KEY_PREFIX: `${system.prefix}:`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      NODE_ENV: 'development',
    };
    const startAdvisory = async (name: string, env: Record<string, string>) => {
      const port = await freePort();
      const child = startProcess(name, ['dist/apps/advisory/src/main.js'], {
        ...advisoryEnv,
        ...env,
        HTTP_PORT: String(port),
      });
      system.children.push(child);
      await waitFor(`http://127.0.0.1:${port}/health/ready`, 90_000);
      return child;
    };
    const measure = async (label: string) => {
      const ask = () => api('POST', '/advisory/tasks/generate', learner, {});
      await eventually(ask, (r) => r.status === 200, {
        what: `${label}: a first task`,
        timeoutMs: 60_000,
      });
      for (let i = 0; i < WARMUP; i += 1) await ask();
      const latencies: number[] = [];
      const providers = new Set<string>();
      for (let i = 0; i < REQUESTS; i += 1) {
        const started = performance.now();
        const response = await ask();
        latencies.push(performance.now() - started);
        if (response.status !== 200)
          throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
        providers.add(response.body.provider);
        if (i > 0 && i % 100 === 0) progress(`  ${label}: ${i}/${REQUESTS}`);
      }
      return { latencies, providers: [...providers] };
    };

    progress(`advisory: ${REQUESTS} task generations with the rules provider`);
    const rulesProcess: ChildProcess = await startAdvisory('advisory-rules', {});
    const rules = await measure('rules');
    await stopProcesses([rulesProcess]);

    progress(`advisory: ${REQUESTS} task generations with the openai provider (0 ms stub)`);
    await stub.start();
    await startAdvisory('advisory-openai', {
      ADVISORY_PROVIDER: 'openai',
      OPENAI_BASE_URL: stub.baseUrl,
      OPENAI_API_KEY: 'bench-key',
      OPENAI_MODEL: 'stub-model',
      ADVISORY_DAILY_TOKEN_BUDGET: '1000000000',
    });
    const openai = await measure('openai');
    if (openai.providers.join() !== 'openai')
      throw new Error(`openai phase answered by ${openai.providers.join(', ')}`);

    const connection = await mongoose.createConnection(process.env.MONGO_URL!).asPromise();
    const logs = await connection
      .useDb(`${system.prefix}_advisory`, { useCache: false })
      .collection('inference_logs')
      .find({ operation: 'task' })
      .sort({ _id: 1 })
      .toArray()
      .finally(() => connection.close());
    const runner = (provider: string) =>
      logs
        .filter((log) => log.provider === provider)
        .slice(-REQUESTS)
        .map((log) => log.latencyMs as number);
    const rulesGateway = summary(rules.latencies);
    const openaiGateway = summary(openai.latencies);
    const openaiRunner = summary(runner('openai'));
    await writeResult('advisory', {
      requests: REQUESTS,
      rulesTaskP99Ms: rulesGateway.p99Ms,
      openaiOverheadP99Ms: openaiRunner.p99Ms,
      rulesTask: rulesGateway,
      openaiTask: openaiGateway,
      openaiOverhead: openaiRunner,
      rulesRunner: summary(runner('rules')),
      goal: { rulesTaskP99Ms: 100, openaiOverheadP99Ms: 20 },
    });
  } finally {
    await stub.stop().catch(() => undefined);
    await system.stop();
  }
}
