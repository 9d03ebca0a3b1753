/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { getConnectionToken } from '@nestjs/mongoose';
import { RabbitMqTransport } from '@prepmate/messaging';
import {
  eventually,
  freePort,
  REPO_ROOT,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import type { Connection } from 'mongoose';
import { SynergyModule } from '../../apps/synergy/src/synergy.module';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const POINTS = [{ x: 0.5, y: 0.5 }];

/**
 * A synergy process killed (SIGKILL) in the middle of a pair's recompute, with a scratch of
 * that pair arriving while the killed job is still held: a replacement replica takes the stalled
 * job over, the scratch is not lost, and the pair ends with the score of every scratch.
 * Neither learner imported anything: levels 0 and 0 (proximity 1), no masteries (similarity 0).
 */
describe('synergy pair job killed mid-recompute', () => {
  let system: PipelineSystem;
  let child: ChildProcess;
  let replica: TestService | undefined;

  beforeAll(async () => {
    system = await startPipeline('syncrash', { skip: ['synergy'] });
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await replica?.app
      .get<Connection>(getConnectionToken())
      .dropDatabase()
      .catch(() => undefined);
    await replica?.close();
    await system?.stop();
  });

  it('loses no scratch and ends with the right score', async () => {
    const port = await freePort();
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      child = spawn(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'apps/synergy/src/main.ts',
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
            SYNERGY_FAILPOINT: 'kill-in-pair-job',
            SYNERGY_PAIR_DEBOUNCE_MS: '1000',
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
      { timeoutMs: 60_000, what: 'the synergy process to be ready' },
    );

    const ada = await system.register('ada');
    const bob = await system.register('bob');
    const post = async (learner: { token: string }, content: string) =>
      (await system.api('POST', '/posts', { token: learner.token, body: { content } })).body.id;
    const adaPosts = [await post(ada, 'ada one'), await post(ada, 'ada two')];
    const bobPost = await post(bob, 'bob one');
    const scratch = async (learner: { token: string }, postId: string) => {
      const r = await system.api('POST', `/posts/${postId}/scratch`, {
        token: learner.token,
        body: { points: POINTS, coverage: 0.8 },
      });
      expect(r.status).toBe(200);
    };

    // Both scratches join the pair's queued job, which the failpoint kills mid-recompute.
    await scratch(ada, bobPost);
    await scratch(bob, adaPosts[0]);
    await expect(exited).resolves.toBe('SIGKILL');

    const db = system.services
      .get('auth')!
      .app.get<Connection>(getConnectionToken())
      .useDb(`${system.prefix}_synergy`, { useCache: true });
    const [userA, userB] = [ada.userId, bob.userId].sort();
    const pairId = `${userA}:${userB}`;
    expect(await db.collection('synergy_pairs').findOne({ _id: pairId as any })).toMatchObject({
      calculatedAt: null,
      version: 0,
    });

    // A replacement replica; a scratch arrives while the killed job still holds its lock.
    replica = await startTestService({
      module: SynergyModule,
      transport: RabbitMqTransport,
      env: { ...system.env, SYNERGY_PAIR_DEBOUNCE_MS: '1000' },
    });
    await replica.app.get(RabbitMqTransport).waitUntilConsuming();
    await scratch(bob, adaPosts[1]);

    const expected = 0.4 * (3 / 100) + 0.3 * (1 / (1 + 0)) + 0.2 * 0 + 0.1 * (1 / 15);
    const pair = await eventually(
      () => system.api('GET', `/synergy/${bob.userId}`, { token: ada.token }),
      (r) => r.status === 200 && r.body.scratchedByThem === 2,
      { timeoutMs: 100_000, intervalMs: 500, what: 'the pair recomputed with all 3 scratches' },
    );
    expect(pair.body).toMatchObject({
      userId: bob.userId,
      scratchedByMe: 1,
      scratchedByThem: 2,
      interactionDays: 1,
      chatUnlocked: false,
    });
    expect(pair.body.score).toBeCloseTo(expected, 9);
    expect(await db.collection('scratch_events').countDocuments({})).toBe(3);
  });
});
