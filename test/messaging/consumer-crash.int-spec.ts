import { getConnectionToken } from '@nestjs/mongoose';
import { EventPublisher, ProcessedEventStore, RabbitMqTransport } from '@prepmate/messaging';
import { ingestedEvent, eventually, type TestService } from '@prepmate/testing';
import type { ChildProcess } from 'node:child_process';
import type { Connection } from 'mongoose';

import { probeEnv, probeQueue } from './probe/probe-env';
import { recordingBehaviour } from './probe/recording-behaviour';
import { startConsumerProcess } from './probe/spawn-consumer';
import { startProbe, stopProbe } from './probe/probe-service';

const TOTAL = 300;

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
      PROBE_HANDLER_DELAY_MS: '40',
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
    const events = Array.from({ length: TOTAL }, (_, n) => ingestedEvent(n));
    for (const event of events) await publisher.publish(event);

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
    const claims = replacement.app.get(ProcessedEventStore);
    const claimed = await Promise.all(
      events.map((event) => claims.isProcessed(probeQueue(env), event.eventId)),
    );
    expect(claimed.filter(Boolean)).toHaveLength(TOTAL);
  });
});

/** The replacement is built without a transport so it does not consume before the crash. */
async function startConsuming(service: TestService): Promise<void> {
  const transport = service.app.get(RabbitMqTransport);
  service.app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  await service.app.startAllMicroservices();
  await transport.waitUntilConsuming();
}
