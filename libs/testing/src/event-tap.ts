import type { EventEnvelope, EventType } from '@prepmate/contracts';
import { connectRaw } from './broker';

export interface EventTap {
  readonly events: EventEnvelope[];
  of<T extends EventType>(type: T): EventEnvelope<T>[];
  close(): Promise<void>;
}

/**
 * Records every event of these types published on a (test's own) exchange, through an
 * exclusive queue of its own: what the system published, seen from outside our code.
 */
export async function tapEvents(exchange: string, types: EventType[]): Promise<EventTap> {
  const connection = await connectRaw();
  const channel = await connection.createChannel();
  await channel.checkExchange(exchange);
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  for (const type of types) await channel.bindQueue(queue, exchange, type);
  const events: EventEnvelope[] = [];
  await channel.consume(
    queue,
    (message) => {
      if (message) events.push(JSON.parse(message.content.toString('utf8')) as EventEnvelope);
    },
    { noAck: true },
  );
  return {
    events,
    of: <T extends EventType>(type: T) =>
      events.filter((event) => event.type === type) as EventEnvelope<T>[],
    close: async () => {
      await channel.close().catch(() => undefined);
      await connection.close().catch(() => undefined);
    },
  };
}
