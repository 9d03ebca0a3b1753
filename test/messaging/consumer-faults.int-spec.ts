import {
  DeadLetterAdmin,
  EventPublisher,
  MalformedEventError,
  ProcessedEventStore,
  UnroutedMonitor,
  legacyUnroutedQueueName,
  unroutedExchangeName,
  unroutedQueueName,
} from '@prepmate/messaging';
import { connectRaw, eventually, ingestedEvent, type TestService } from '@prepmate/testing';
import type { ChannelModel } from 'amqplib';

import { deleteProbeTopology, probeEnv, probeQueue } from './probe/probe-env';
import { startProbe, stopProbe } from './probe/probe-service';

const RETRY_DELAYS = [200, 400];

/**
 * Faults around a consumer that the messaging library must absorb (docs/reliability.md):
 * a hung handler, a failed handler's claim, a malformed event, a broker-cancelled consumer, a replay to a queue
 * that is gone, and the bounded unrouted queue.
 */
describe('consumer faults', () => {
  const env = probeEnv('faults', {
    AMQP_RETRY_DELAYS_MS: RETRY_DELAYS.join(','),
    HANDLER_TIMEOUT_MS: '300',
    AMQP_UNROUTED_MAX_LENGTH: '3',
  });
  const queue = probeQueue(env);
  const runs = new Map<string, number>();
  const handled = new Set<string>();
  let failing = new Set<string>();
  let service: TestService;
  let raw: ChannelModel;

  beforeAll(async () => {
    service = await startProbe(env, {
      async onEvent(event) {
        const id = event.payload.platformSubmissionId;
        const run = (runs.get(id) ?? 0) + 1;
        runs.set(id, run);
        if (id === 'hangs-once' && run === 1) await new Promise(() => undefined);
        if (failing.has(id)) throw new Error(`cannot handle ${id}`);
        if (id === 'malformed') throw new MalformedEventError(['problem is missing']);
        handled.add(id);
      },
    });
    raw = await connectRaw();
  });

  afterAll(async () => {
    await raw.close();
    await stopProbe(service, env, RETRY_DELAYS);
  });

  it('counts a handler that hangs past HANDLER_TIMEOUT_MS as failed and retries it', async () => {
    await service.app
      .get(EventPublisher)
      .publish(ingestedEvent(1, { platformSubmissionId: 'hangs-once' }));
    await eventually(() => handled.has('hangs-once'), Boolean, {
      what: 'the retry after the timeout to be handled',
    });
    expect(runs.get('hangs-once')).toBe(2);
  });

  it('releases the claim of a dead-lettered event, so publishing it again is handled', async () => {
    failing = new Set(['fails']);
    const event = ingestedEvent(2, { platformSubmissionId: 'fails' });
    await service.app.get(EventPublisher).publish(event);
    const admin = new DeadLetterAdmin(raw);
    await eventually(
      () => admin.list(queue),
      (letters) => letters.length === 1,
      { what: 'the failing event in the DLQ' },
    );
    expect(await service.app.get(ProcessedEventStore).isProcessed(queue, event.eventId)).toBe(
      false,
    );
    failing = new Set();
    await service.app.get(EventPublisher).publish(event); // an outbox re-send, say
    await eventually(() => handled.has('fails'), Boolean, { what: 'the re-sent event' });
  });

  it('dead-letters a malformed event at once, without walking the retry ladder', async () => {
    const event = ingestedEvent(3, { platformSubmissionId: 'malformed' });
    await service.app.get(EventPublisher).publish(event);
    const admin = new DeadLetterAdmin(raw);
    const letters = await eventually(
      () => admin.list(queue),
      (found) => found.some((letter) => letter.messageId === event.eventId),
      { what: 'the malformed event in the DLQ' },
    );
    const letter = letters.find((found) => found.messageId === event.eventId)!;
    expect(letter).toMatchObject({ attempts: 1, error: 'malformed event: problem is missing' });
    expect(runs.get('malformed')).toBe(1);
  });

  it('subscribes again when the broker cancels the consumer (its queue deleted)', async () => {
    // The DLQ of the previous test keeps its letter; the consumer queue itself goes away.
    const channel = await raw.createChannel();
    await channel.deleteQueue(queue);
    await channel.close();
    const check = async () => {
      const probe = await raw.createChannel();
      probe.on('error', () => undefined);
      try {
        return (await probe.checkQueue(queue)).consumerCount;
      } catch {
        return 0;
      } finally {
        await probe.close().catch(() => undefined);
      }
    };
    await eventually(check, (consumers) => consumers === 1, {
      what: 'the queue declared and consumed again',
    });
    await service.app
      .get(EventPublisher)
      .publish(ingestedEvent(3, { platformSubmissionId: 'after-cancel' }));
    await eventually(() => handled.has('after-cancel'), Boolean, {
      what: 'an event published after the cancellation',
    });
  });

  it('keeps a dead letter whose queue is gone instead of replaying it into nothing', async () => {
    const admin = new DeadLetterAdmin(raw);
    // Park a letter and stop the consumer, then delete its queue: nobody declares it again.
    const parked = await raw.createConfirmChannel();
    parked.sendToQueue(`${queue}.dlq`, Buffer.from('{}'), {
      messageId: 'orphan',
      persistent: true,
    });
    await parked.waitForConfirms();
    await parked.close();
    await service.close();
    const channel = await raw.createChannel();
    await channel.deleteQueue(queue);
    await channel.close();
    const before = (await admin.list(queue)).length;
    expect(before).toBeGreaterThanOrEqual(1);
    await expect(admin.replay(queue)).rejects.toThrow(/does not exist/);
    await eventually(
      () => admin.list(queue),
      (letters) => letters.length === before,
      { what: 'the letters back in the DLQ' },
    );
    service = await startProbe(env, { onEvent: async () => undefined }, { consume: false });
  });

  it('bounds the unrouted queue, reports its depth and unbinds the legacy unbounded one', async () => {
    const exchange = env.AMQP_EXCHANGE;
    // The unbounded queue an earlier version declared, still bound to the alternate exchange.
    const channel = await raw.createChannel();
    await channel.assertQueue(legacyUnroutedQueueName(exchange), {
      durable: true,
      arguments: { 'x-queue-type': 'quorum', 'x-expires': 600_000 },
    });
    await channel.bindQueue(legacyUnroutedQueueName(exchange), unroutedExchangeName(exchange), '');
    await channel.close();

    const monitor = service.app.get(UnroutedMonitor);
    await monitor.check(); // unbinds the legacy queue
    const publisher = service.app.get(EventPublisher);
    // No queue is bound for these routing keys: they go to the alternate exchange.
    for (let n = 0; n < 5; n += 1) {
      await publisher.send(exchange, 'nobody.listens', Buffer.from(`{"n":${n}}`), {
        messageId: `unrouted-${n}`,
      });
    }
    const depth = await eventually(
      () => monitor.check(),
      (value) => value === 3,
      { what: 'the capped unrouted queue to hold the newest 3' },
    );
    expect(depth).toBe(3);
    const legacy = await raw.createChannel();
    expect((await legacy.checkQueue(legacyUnroutedQueueName(exchange))).messageCount).toBe(0);
    await legacy.deleteQueue(legacyUnroutedQueueName(exchange));
    await legacy.close();
    expect(unroutedQueueName(exchange)).not.toBe(legacyUnroutedQueueName(exchange));
  });

  afterAll(() => deleteProbeTopology(env, RETRY_DELAYS));
});
