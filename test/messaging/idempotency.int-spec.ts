import { getConnectionToken } from '@nestjs/mongoose';
import { EventPublisher, ProcessedEventStore } from '@prepmate/messaging';
import { ingestedEvent, eventually, sleep, type TestService } from '@prepmate/testing';
import type { Connection } from 'mongoose';

import { probeEnv, probeQueue } from './probe/probe-env';
import { startProbe, stopProbe } from './probe/probe-service';

describe('idempotency by eventId', () => {
  const env = probeEnv('idem');
  const handled: string[] = [];
  let service: TestService;

  beforeAll(async () => {
    service = await startProbe(env, { onEvent: async (event) => void handled.push(event.eventId) });
  });

  afterAll(() => stopProbe(service, env));

  it('handles an event once however often it is delivered', async () => {
    const publisher = service.app.get(EventPublisher);
    const event = ingestedEvent(1);
    const other = ingestedEvent(2);
    await publisher.publish(event);
    await publisher.publish(event);
    await publisher.publish(other);
    await publisher.publish(event);
    await eventually(
      () => handled.length,
      (count) => count >= 2,
      { what: 'both events' },
    );
    await sleep(500);
    expect(handled.filter((id) => id === event.eventId)).toHaveLength(1);
    expect(handled.filter((id) => id === other.eventId)).toHaveLength(1);
    const store = service.app.get(ProcessedEventStore);
    expect(await store.isProcessed(probeQueue(env), event.eventId)).toBe(true);
  });

  it('prunes ids older than the retention window and keeps recent ones', async () => {
    const store = service.app.get(ProcessedEventStore);
    const queue = probeQueue(env);
    const db = service.app.get<Connection>(getConnectionToken()).db!;
    await db.collection<{ _id: string }>('processed_events').insertOne({
      _id: `${queue}:ancient`,
      queue,
      eventId: 'ancient',
      processedAt: new Date(Date.now() - 8 * 24 * 3_600_000),
    } as never);
    expect(await store.prune()).toBe(1);
    expect(await store.isProcessed(queue, 'ancient')).toBe(false);
    expect(await db.collection('processed_events').countDocuments()).toBe(2);
  });
});
