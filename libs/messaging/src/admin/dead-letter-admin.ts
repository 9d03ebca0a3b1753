import type { ChannelModel, ConfirmChannel, GetMessage } from 'amqplib';
import { withoutBrokerBookkeeping } from '../topology/headers';
import { HEADERS, deadLetterQueueName } from '../topology/names';

export interface DeadLetter {
  messageId: string | undefined;
  type: string | undefined;
  error: string | undefined;
  attempts: number | undefined;
  failedAt: string | undefined;
  originalQueue: string;
  body: string;
}

/** The consumer queue a name points at: `x.dlq` and `x` both mean queue `x`. */
function sourceQueueOf(queue: string): string {
  return queue.endsWith('.dlq') ? queue.slice(0, -'.dlq'.length) : queue;
}

function describe(message: GetMessage, sourceQueue: string): DeadLetter {
  const headers = message.properties.headers ?? {};
  return {
    messageId: message.properties.messageId as string | undefined,
    type: message.properties.type as string | undefined,
    error: headers[HEADERS.error] as string | undefined,
    attempts: headers[HEADERS.attempt] as number | undefined,
    failedAt: headers[HEADERS.failedAt] as string | undefined,
    originalQueue: (headers[HEADERS.originalQueue] as string | undefined) ?? sourceQueue,
    body: message.content.toString('utf8'),
  };
}

/** How long `list` waits for the messages it read to be back in the queue. */
const RETURN_WAIT_MS = 5000;

/**
 * Operator tools for `<queue>.dlq`: list what is there (nothing is removed: the messages are
 * returned to the queue when the channel closes) and replay (each message is sent back to
 * its queue with its retry count reset, then removed from the DLQ once the broker confirmed it
 * routed; a message the broker returns, its queue gone, stays in the DLQ and the replay fails).
 */
export class DeadLetterAdmin {
  constructor(private readonly connection: ChannelModel) {}

  /**
   * How many messages the dead-letter queue holds; fails with a clear message when there is
   * no such queue (a typo, say).
   */
  private async depthOf(dlq: string): Promise<number> {
    const channel = await this.connection.createChannel();
    channel.on('error', () => undefined);
    try {
      return (await channel.checkQueue(dlq)).messageCount;
    } catch {
      throw new Error(`there is no dead-letter queue "${dlq}" on this broker`);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  /**
   * What the DLQ holds (up to `limit`), left in place: the messages read are returned when the
   * channel closes. The broker returns them asynchronously, so the call also waits (up to
   * RETURN_WAIT_MS) until they are back — a replay right after a list then sees them.
   */
  async list(queue: string, limit = 100): Promise<DeadLetter[]> {
    const source = sourceQueueOf(queue);
    const dlq = deadLetterQueueName(source);
    await this.depthOf(dlq); // a clear error for a queue that does not exist
    const channel = await this.connection.createChannel();
    const found: DeadLetter[] = [];
    try {
      for (let index = 0; index < limit; index += 1) {
        const message = await channel.get(dlq, { noAck: false });
        if (!message) break;
        found.push(describe(message, source));
      }
    } finally {
      await channel.close();
    }
    const deadline = Date.now() + RETURN_WAIT_MS;
    while (Date.now() < deadline && (await this.depthOf(dlq)) < found.length)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return found;
  }

  /**
   * Replays at most what the DLQ held when the call started: a message that fails again at
   * once lands back in the DLQ and must not be replayed over and over by the same call.
   */
  async replay(queue: string, limit = Number.POSITIVE_INFINITY): Promise<number> {
    const source = sourceQueueOf(queue);
    const bound = Math.min(limit, await this.depthOf(deadLetterQueueName(source)));
    const channel = await this.connection.createConfirmChannel();
    const returned = { count: 0 };
    channel.on('return', () => (returned.count += 1));
    let replayed = 0;
    try {
      while (replayed < bound) {
        const message = await channel.get(deadLetterQueueName(source), { noAck: false });
        if (!message) break;
        const headers = withoutBrokerBookkeeping(message.properties.headers, [
          HEADERS.attempt,
          HEADERS.error,
          HEADERS.failedAt,
          HEADERS.originalQueue,
        ]);
        await publishConfirmed(channel, source, message, { ...headers, [HEADERS.replayed]: true });
        if (returned.count > 0) {
          // Left unacked: the message goes back to the DLQ when the channel closes.
          throw new Error(
            `queue "${source}" does not exist: nothing was replayed from ${deadLetterQueueName(source)} after ${replayed} message(s); start its service (which declares it) and replay again`,
          );
        }
        channel.ack(message);
        replayed += 1;
      }
      return replayed;
    } finally {
      await channel.close();
    }
  }
}

function publishConfirmed(
  channel: ConfirmChannel,
  queue: string,
  message: GetMessage,
  headers: Record<string, unknown>,
): Promise<void> {
  // mandatory: a queue that is gone returns the message (basic.return, before the confirm)
  // instead of the broker dropping it while we ack it in the DLQ.
  channel.sendToQueue(queue, message.content, {
    ...message.properties,
    headers,
    persistent: true,
    mandatory: true,
  });
  return channel.waitForConfirms();
}
