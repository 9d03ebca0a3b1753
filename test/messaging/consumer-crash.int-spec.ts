import { getConnectionToken } from '@nestjs/mongoose';
import { EventPublisher, RabbitMqTransport } from '@prepmate/messaging';
import { ingestedEvent, eventually, REPO_ROOT, type TestService } from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Connection } from 'mongoose';

import { probeEnv } from './probe/probe-env';
import { recordingBehaviour } from './probe/recording-behaviour';
import { startProbe, stopProbe } from './probe/probe-service';

const TOTAL = 300;

function startConsumerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'probe', 'consumer-process.ts'),
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, PROBE_HANDLER_DELAY_MS: '40' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on(
      'data',
      (chunk: Buffer) => chunk.toString().includes('consumer ready') && resolve(child),
    );
    child.once('exit', (code) =>
      reject(new Error(`consumer exited (${String(code)}) before it was ready: ${errors}`)),
    );
  });
}

describe('a consumer killed mid-batch', () => {
  const env = probeEnv('crash');
  let replacement: TestService | undefined;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    await stopProbe(replacement, env);
  });

  it('has its unacknowledged messages redelivered, and every effect is stored exactly once', async () => {
    child = await startConsumerProcess({
      ...env,
      HTTP_PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    });

    replacement = await startProbe(
      env,
      recordingBehaviour(() => replacement!.app.get<Connection>(getConnectionToken())),
      { consume: false },
    );
    const db = replacement.app.get<Connection>(getConnectionToken()).db!;
    const publisher = replacement.app.get(EventPublisher);
    for (let n = 0; n < TOTAL; n += 1) await publisher.publish(ingestedEvent(n));

    await eventually(
      () => db.collection('effects').countDocuments(),
      (count) => count >= 60,
      { what: 'the first consumer to store some effects' },
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const effectsAtCrash = await db.collection('effects').countDocuments();
    expect(effectsAtCrash).toBeLessThan(TOTAL);

    // The same queue gets a new consumer: the in-process replacement starts consuming now.
    await startConsuming(replacement);
    await eventually(
      () => db.collection('effects').countDocuments(),
      (count) => count === TOTAL,
      {
        timeoutMs: 60_000,
        what: `all ${TOTAL} effects`,
      },
    );

    const effects = await db.collection<{ _id: string; n: string }>('effects').find().toArray();
    expect(new Set(effects.map((effect) => effect.n)).size).toBe(TOTAL);
    const runs = await db
      .collection<{ _id: string; runs: number }>('handler_runs')
      .find()
      .toArray();
    expect(runs).toHaveLength(TOTAL);
    // Messages the killed consumer held unacknowledged were delivered again...
    expect(runs.filter((run) => run.runs > 1).length).toBeGreaterThan(0);
    // ...and each was recorded as processed once, so a further redelivery would be skipped.
    expect(await db.collection('processed_events').countDocuments()).toBe(TOTAL);
  });
});

/** The replacement is built without a transport so it does not consume before the crash. */
async function startConsuming(service: TestService): Promise<void> {
  const transport = service.app.get(RabbitMqTransport);
  service.app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  await service.app.startAllMicroservices();
  await transport.waitUntilConsuming();
}
