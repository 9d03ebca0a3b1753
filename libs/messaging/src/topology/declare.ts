import type { EventType, ServiceName } from '@prepmate/contracts';
import type { Channel, ConfirmChannel } from 'amqplib';
import {
  DELIVERY_LIMIT,
  eventQueueName,
  deadLetterQueueName,
  retryQueueName,
  unroutedExchangeName,
  unroutedQueueName,
} from './names';

type AnyChannel = Channel | ConfirmChannel;

/** Quorum queues dead-letter at-least-once; that strategy requires reject-publish overflow. */
const AT_LEAST_ONCE_DEAD_LETTERING = {
  'x-dead-letter-strategy': 'at-least-once',
  'x-overflow': 'reject-publish',
};

/**
 * `x-expires` for every queue when `expiresMs` > 0: the broker deletes a queue nobody has used
 * for that long. Test and benchmark runs set it (AMQP_QUEUE_EXPIRES_MS), so the queues of a run
 * that was killed before deleting them do not pile up in a shared broker; production leaves
 * it unset.
 */
function expiry(expiresMs = 0): Record<string, number> {
  return expiresMs > 0 ? { 'x-expires': expiresMs } : {};
}

/** Default bound of the unrouted queue (AMQP_UNROUTED_MAX_LENGTH). */
export const UNROUTED_MAX_LENGTH = 10_000;

/**
 * The events exchange and its alternate exchange with the queue that keeps unrouted events:
 * at most `unroutedMaxLength` of them, the oldest dropped first (nobody consumes that queue;
 * it is for operators, and its depth is a metric, see UnroutedMonitor).
 */
export async function declareExchanges(
  channel: AnyChannel,
  eventsExchange: string,
  queueExpiresMs?: number,
  unroutedMaxLength = UNROUTED_MAX_LENGTH,
): Promise<void> {
  const unrouted = unroutedExchangeName(eventsExchange);
  await channel.assertExchange(unrouted, 'fanout', { durable: true });
  await channel.assertQueue(unroutedQueueName(eventsExchange), {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-max-length': unroutedMaxLength,
      'x-overflow': 'drop-head',
      ...expiry(queueExpiresMs),
    },
  });
  await channel.bindQueue(unroutedQueueName(eventsExchange), unrouted, '');
  await channel.assertExchange(eventsExchange, 'topic', {
    durable: true,
    alternateExchange: unrouted,
  });
}

/**
 * One consumer queue with its retry and dead-letter queues:
 * - `<queue>`: quorum, bound to the events exchange; after DELIVERY_LIMIT redeliveries
 *   (a consumer that keeps crashing) the broker moves the message to `<queue>.dlq`;
 * - `<queue>.retry.<delay>ms`: quorum, no consumer; a message waits its TTL there and is
 *   dead-lettered back to `<queue>`;
 * - `<queue>.dlq`: quorum, for operators to inspect and replay.
 */
export async function declareEventQueue(
  channel: AnyChannel,
  eventsExchange: string,
  queue: string,
  routingKey: string,
  retryDelaysMs: readonly number[],
  queueExpiresMs?: number,
): Promise<void> {
  const dlq = deadLetterQueueName(queue);
  await channel.assertQueue(dlq, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum', ...expiry(queueExpiresMs) },
  });
  await channel.assertQueue(queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': DELIVERY_LIMIT,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': dlq,
      ...AT_LEAST_ONCE_DEAD_LETTERING,
      ...expiry(queueExpiresMs),
    },
  });
  for (const delayMs of retryDelaysMs) {
    await channel.assertQueue(retryQueueName(queue, delayMs), {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue,
        ...AT_LEAST_ONCE_DEAD_LETTERING,
        ...expiry(queueExpiresMs),
      },
    });
  }
  await channel.bindQueue(queue, eventsExchange, routingKey);
}

/**
 * The RPC queue of a service: shared by its replicas, gone when the last replica is, so a
 * request to a service that is down is returned at once (mandatory) instead of waiting.
 */
export async function declareRpcQueue(
  channel: AnyChannel,
  queue: string,
  expiresMs: number,
): Promise<void> {
  await channel.assertQueue(queue, { durable: false, arguments: { 'x-expires': expiresMs } });
}

export interface TopologyOptions {
  eventsExchange: string;
  queuePrefix: string;
  subscriptions: Readonly<Record<string, readonly EventType[]>>;
  retryDelaysMs: readonly number[];
  /** Unused queues are deleted after this long (0 or absent: never). */
  queueExpiresMs?: number;
  /** Bound of the unrouted queue (UNROUTED_MAX_LENGTH when absent). */
  unroutedMaxLength?: number;
}

/**
 * The whole event topology of the system: exchanges and every subscribed queue. Every
 * publisher declares it before its first publish, so an event is never published before the
 * queue of a consumer that has not started yet exists (it would go to the unrouted queue).
 */
export async function declareTopology(
  channel: AnyChannel,
  options: TopologyOptions,
): Promise<void> {
  await declareExchanges(
    channel,
    options.eventsExchange,
    options.queueExpiresMs,
    options.unroutedMaxLength,
  );
  for (const [service, types] of Object.entries(options.subscriptions)) {
    for (const type of types) {
      const queue = eventQueueName(service as ServiceName, type, options.queuePrefix);
      await declareEventQueue(
        channel,
        options.eventsExchange,
        queue,
        type,
        options.retryDelaysMs,
        options.queueExpiresMs,
      );
    }
  }
}
