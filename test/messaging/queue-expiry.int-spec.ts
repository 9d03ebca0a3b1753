import {
  declareTopology,
  deadLetterQueueName,
  eventQueueName,
  retryQueueName,
} from '@prepmate/messaging';
import { connectRaw, deleteSystemTopology, eventually, isolatedEnv } from '@prepmate/testing';
import type { ChannelModel } from 'amqplib';

/**
 * AMQP_QUEUE_EXPIRES_MS: test and benchmark runs declare their queues with `x-expires`, so the
 * broker deletes those of a run that died before cleaning up; without it queues stay.
 */
describe('queue expiry', () => {
  const subscriptions = { aggregation: ['submission.normalized'] } as const;
  let connection: ChannelModel;

  beforeAll(async () => {
    connection = await connectRaw();
  });
  afterAll(async () => {
    await connection.close();
  });

  async function exists(queue: string): Promise<boolean> {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.checkQueue(queue);
      await channel.close();
      return true;
    } catch {
      return false;
    }
  }

  async function declare(queueExpiresMs: number) {
    const { AMQP_EXCHANGE, prefix } = isolatedEnv('expiry');
    const channel = await connection.createConfirmChannel();
    await declareTopology(channel, {
      eventsExchange: AMQP_EXCHANGE,
      queuePrefix: `${prefix}.`,
      subscriptions,
      retryDelaysMs: [1000],
      queueExpiresMs,
    });
    await channel.close();
    const queue = eventQueueName('aggregation', 'submission.normalized', `${prefix}.`);
    return {
      exchange: AMQP_EXCHANGE,
      prefix,
      queues: [queue, deadLetterQueueName(queue), retryQueueName(queue, 1000)],
    };
  }

  it('deletes unused queues after AMQP_QUEUE_EXPIRES_MS and keeps them when it is 0', async () => {
    const expiring = await declare(1500);
    const kept = await declare(0);
    for (const queue of [...expiring.queues, ...kept.queues])
      expect(await exists(queue)).toBe(true);
    await eventually(
      async () => (await Promise.all(expiring.queues.map(exists))).filter(Boolean).length,
      (left) => left === 0,
      { timeoutMs: 15_000, what: 'the expiring queues to be deleted' },
    );
    for (const queue of kept.queues) expect(await exists(queue)).toBe(true);
    await deleteSystemTopology(expiring.exchange, `${expiring.prefix}.`);
    await deleteSystemTopology(kept.exchange, `${kept.prefix}.`);
  });
});
