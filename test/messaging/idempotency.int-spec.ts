import { getConnectionToken } from '@nestjs/mongoose';
import { EventPublisher, ProcessedEventStore, RabbitMqTransport } from '@prepmate/messaging';
import { eventually, sleep, startTestService, type TestService } from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { ingestedEvent } from './probe/events';
import { deleteProbeTopology, probeEnv, probeQueue } from './probe/probe-env';
import { PROBE_SUBSCRIPTIONS, ProbeModule } from './probe/probe.module';

describe('idempotency by eventId', () => {
  const env = probeEnv('idem');
  const handled: string[] = [];
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      module: ProbeModule.with({ onEvent: async (event) => void handled.push(event.eventId) }),
      overrides: [PROBE_SUBSCRIPTIONS],
      transport: RabbitMqTransport,
      env,
    });
    await service.app.get(RabbitMqTransport).waitUntilConsuming();
  });

  afterAll(async () => {
    await service.app.get<Connection>(getConnectionToken()).dropDatabase();
    await service.close();
    await deleteProbeTopology(env);
  });

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
