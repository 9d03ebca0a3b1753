import { DeadLetterAdmin, EventPublisher } from '@prepmate/messaging';
import { ingestedEvent, connectRaw, eventually, type TestService } from '@prepmate/testing';
import type { ChannelModel } from 'amqplib';

import { probeEnv, probeQueue } from './probe/probe-env';
import { startProbe, stopProbe } from './probe/probe-service';

const RETRY_DELAYS = [200, 400, 800];

describe('a handler that always fails', () => {
  const env = probeEnv('dlq', { AMQP_RETRY_DELAYS_MS: RETRY_DELAYS.join(',') });
  const queue = probeQueue(env);
  const attempts = new Map<string, number>();
  const handled: string[] = [];
  let poisonFixed = false;
  let service: TestService;
  let raw: ChannelModel;

  beforeAll(async () => {
    service = await startProbe(env, {
      async onEvent(event) {
        const id = event.payload.platformSubmissionId;
        attempts.set(id, (attempts.get(id) ?? 0) + 1);
        if (id === 'poison' && !poisonFixed) throw new Error('cannot parse problem 1459B');
        handled.push(id);
      },
    });
    raw = await connectRaw();
  });

  afterAll(async () => {
    await raw.close();
    await stopProbe(service, env, RETRY_DELAYS);
  });

  it('is retried with growing delays, then dead-lettered with its error, while later messages keep flowing', async () => {
    const publisher = service.app.get(EventPublisher);
    const started = Date.now();
    await publisher.publish(ingestedEvent(0, { platformSubmissionId: 'poison' }));
    for (let n = 1; n <= 20; n += 1) await publisher.publish(ingestedEvent(n));

    // The good messages are handled while the poison one is still waiting for its retries.
    await eventually(
      () => handled.length,
      (count) => count === 20,
      { what: 'the 20 good messages' },
    );
    expect(Date.now() - started).toBeLessThan(RETRY_DELAYS.reduce((sum, delay) => sum + delay, 0));

    const admin = new DeadLetterAdmin(raw);
    const dead = await eventually(
      () => admin.list(queue),
      (letters) => letters.length === 1,
      { what: 'one dead letter' },
    );
    expect(attempts.get('poison')).toBe(1 + RETRY_DELAYS.length);
    expect(Date.now() - started).toBeGreaterThanOrEqual(
      RETRY_DELAYS.reduce((sum, delay) => sum + delay, 0),
    );
    expect(dead[0]).toMatchObject({
      type: 'submission.ingested',
      error: 'cannot parse problem 1459B',
      attempts: 4,
      originalQueue: queue,
    });
    expect(JSON.parse(dead[0].body).payload.platformSubmissionId).toBe('poison');

    // Listing does not consume: the message is still there.
    expect(await admin.list(queue)).toHaveLength(1);

    // Once the cause is fixed, an operator replays it and it counts.
    poisonFixed = true;
    expect(await admin.replay(queue)).toBe(1);
    await eventually(() => handled.includes('poison'), Boolean, {
      what: 'the replayed message to be handled',
    });
    expect(await admin.list(queue)).toHaveLength(0);
  });

  it('dead-letters a message that is not an event at once, without retries', async () => {
    const channel = await raw.createConfirmChannel();
    channel.publish(env.AMQP_EXCHANGE, 'submission.ingested', Buffer.from('{"not":"an envelope"'), {
      persistent: true,
      messageId: 'garbled-1',
    });
    await channel.waitForConfirms();
    await channel.close();
    const admin = new DeadLetterAdmin(raw);
    const dead = await eventually(
      () => admin.list(queue),
      (letters) => letters.length === 1,
      { what: 'the garbled message in the DLQ' },
    );
    expect(dead[0]).toMatchObject({
      messageId: 'garbled-1',
      error: 'not a valid event envelope',
      attempts: 0,
    });
  });

  it('replays only what the DLQ held when asked, even when a message fails again at once', async () => {
    const admin = new DeadLetterAdmin(raw);
    // The garbled message of the previous test is still there (a list returns what it read
    // when its channel closes, so wait for it) and is dead-lettered again on replay.
    await eventually(
      () => admin.list(queue),
      (letters) => letters.length === 1,
      { what: 'the garbled message' },
    );
    expect(await admin.replay(queue)).toBe(1);
    await eventually(
      () => admin.list(queue),
      (letters) => letters.length === 1,
      { what: 'it back in the DLQ' },
    );
  });
});
