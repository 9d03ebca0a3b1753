import { EventPublisher, ProcessedEventStore } from '@prepmate/messaging';
import { ingestedEvent, eventually, sleep, type TestService } from '@prepmate/testing';
import { Redis } from 'ioredis';

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

  it('keeps a claim in Redis for the retention window, then forgets it', async () => {
    const store = service.app.get(ProcessedEventStore);
    const queue = probeQueue(env);
    expect(await store.claim(queue, 'fresh')).toBe(true);
    expect(await store.claim(queue, 'fresh')).toBe(false);
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys(`*claims:${queue}:fresh`);
      expect(keys).toHaveLength(1);
      // PROCESSED_EVENTS_RETENTION_HOURS (168 h by default) as the key's expiry.
      const ttl = await redis.pttl(keys[0]);
      expect(ttl).toBeGreaterThan(167 * 3_600_000);
      expect(ttl).toBeLessThanOrEqual(168 * 3_600_000);
      await redis.pexpire(keys[0], 1); // the window passes
      await sleep(20);
      expect(await store.isProcessed(queue, 'fresh')).toBe(false);
      expect(await store.claim(queue, 'fresh')).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});

describe('idempotency while Redis cannot be asked', () => {
  // Nothing listens on port 1: every claim fails at once.
  const env = probeEnv('idem-noredis', { REDIS_URL: 'redis://127.0.0.1:1' });
  const handled: string[] = [];
  let service: TestService;

  beforeAll(async () => {
    service = await startProbe(env, { onEvent: async (event) => void handled.push(event.eventId) });
  });

  afterAll(() => stopProbe(service, env));

  it('handles every delivery (a claim that cannot be asked counts as fresh)', async () => {
    const publisher = service.app.get(EventPublisher);
    const event = ingestedEvent(1);
    await publisher.publish(event);
    await publisher.publish(ingestedEvent(2));
    await publisher.publish(event);
    await eventually(
      () => handled.length,
      (count) => count >= 3,
      { what: 'every delivery handled' },
    );
    // The duplicate is handled again: the handlers' keyed effects make that harmless.
    expect(handled.filter((id) => id === event.eventId)).toHaveLength(2);
  });
});
