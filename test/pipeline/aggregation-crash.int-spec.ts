/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { getConnectionToken } from '@nestjs/mongoose';
import { RabbitMqTransport } from '@prepmate/messaging';
import {
  eventually,
  freePort,
  REPO_ROOT,
  sleep,
  startTestService,
  tapEvents,
  type EventTap,
  type TestService,
} from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import type { Connection } from 'mongoose';
import { AggregationModule } from '../../apps/aggregation/src/aggregation.module';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const SUBMISSIONS = Array.from({ length: 12 }, (_, i) => ({
  platformSubmissionId: String(5000 + i),
  problem: {
    platformProblemId: `crash-${i % 5}`,
    title: `Crash Course ${i % 5}`,
    difficulty: (['easy', 'medium', 'hard'] as const)[i % 3],
    tags: i % 2 ? ['Array', 'Greedy'] : ['Dynamic Programming'],
  },
  verdict: i % 4 === 1 ? 'wrong_answer' : 'accepted',
  submittedAt: new Date(Date.UTC(2026, 9, 1, 9, i)).toISOString(),
  solveTimeSeconds: 300 + i,
}));

/**
 * A worker killed in the middle of a user's job: the first aggregation replica is a real
 * process with the failpoint that SIGKILLs it right after the aggregate is stored and before
 * the attempts are marked applied. A second replica must take the stalled job over and
 * finish it without counting anything twice.
 */
describe('aggregation job killed mid-way', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let child: ChildProcess;
  let replica: TestService | undefined;

  beforeAll(async () => {
    system = await startPipeline('crash', { skip: ['aggregation'] });
    tap = await tapEvents(system.exchange, ['submission.normalized', 'topic.aggregated']);
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await replica?.app
      .get<Connection>(getConnectionToken())
      .dropDatabase()
      .catch(() => undefined);
    await replica?.close();
    await tap?.close();
    await system?.stop();
  });

  it('is recovered by another replica without double counting', async () => {
    const port = await freePort();
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      child = spawn(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'apps/aggregation/src/main.ts',
        ],
        {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            ...system.env,
            NODE_ENV: 'test',
            HTTP_PORT: String(port),
            HTTP_HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
            AGGREGATION_FAILPOINT: 'kill-after-state-write',
            AGGREGATION_DEBOUNCE_MS: '200',
            AGGREGATION_JOB_LOCK_MS: '2000',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      child.once('exit', (_code, signal) => resolve(signal));
    });
    await eventually(
      () =>
        fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      { timeoutMs: 60_000, what: 'the aggregation process to be ready' },
    );

    const user = await system.register('crashy');
    const imported = await system.api('POST', '/submissions/import', {
      token: user.token,
      body: { platform: 'leetcode', submissions: SUBMISSIONS },
    });
    expect(imported.status).toBe(202);
    await expect(exited).resolves.toBe('SIGKILL');

    // killed after the write: the aggregate holds all 12, all 12 are still pending
    const db = system.services
      .get('normalization')!
      .app.get<Connection>(getConnectionToken())
      .useDb(`${system.prefix}_aggregation`, { useCache: true });
    const stored = await db.collection('user_aggregates').findOne({ _id: user.userId as any });
    expect(stored?.attemptCount).toBe(12);
    expect(await db.collection('attempts').countDocuments({ userId: user.userId })).toBe(12);
    expect(await db.collection('pending_attempts').countDocuments({ userId: user.userId })).toBe(
      12,
    );

    replica = await startTestService({
      module: AggregationModule,
      transport: RabbitMqTransport,
      env: { ...system.env, AGGREGATION_DEBOUNCE_MS: '200', AGGREGATION_JOB_LOCK_MS: '2000' },
    });
    await eventually(
      () => db.collection('pending_attempts').countDocuments({ userId: user.userId }),
      (pending) => pending === 0,
      { timeoutMs: 30_000, what: 'the stalled job to be run again' },
    );
    const after = await db.collection('user_aggregates').findOne({ _id: user.userId as any });
    expect(after?.attemptCount).toBe(12);

    const stats = await system.api('GET', '/telemetry/topic-stats', { token: user.token });
    const total = Object.fromEntries(stats.body.items.map((s: any) => [s.topic, s.totalAttempts]));
    const expected: Record<string, number> = {};
    for (const event of tap.of('submission.normalized'))
      for (const topic of event.payload.topics) expected[topic] = (expected[topic] ?? 0) + 1;
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(total).toEqual(expected);
    const performance = await system.api('GET', '/telemetry/performance?period=all', {
      token: user.token,
    });
    expect(performance.body.summary).toMatchObject({ attempts: 12, accepted: 9 });

    // the crashed write's event is published once (outbox), the recovery publishes nothing new
    await eventually(
      () => tap.of('topic.aggregated').filter((e) => e.payload.userId === user.userId).length,
      (count) => count >= 1,
      { timeoutMs: 20_000, what: 'topic.aggregated from the outbox' },
    );
    await sleep(2_500);
    const events = tap.of('topic.aggregated').filter((e) => e.payload.userId === user.userId);
    expect(events).toHaveLength(1);
    expect(
      Object.fromEntries(events[0].payload.topics.map((t) => [t.topic, t.totalAttempts])),
    ).toEqual(expected);
  });
});
