import type { EventType, ServiceName } from '@prepmate/contracts';

/**
 * The durable topic exchange every event travels on (the routing key is the event type),
 * `AMQP_EXCHANGE` in the configuration; this is its default.
 */
export const DEFAULT_EVENTS_EXCHANGE = 'prepmate.events';

/** Alternate exchange of an events exchange: an event no queue is bound to lands there, never dropped. */
export function unroutedExchangeName(eventsExchange: string): string {
  return `${eventsExchange}.unrouted`;
}
/** The queue behind the alternate exchange, where operators find events no one consumed. */
export function unroutedQueueName(eventsExchange: string): string {
  return `${eventsExchange}.unrouted`;
}

/** Default delays of the retries after a handler error (AMQP_RETRY_DELAYS_MS). */
export const DEFAULT_RETRY_DELAYS_MS = [1000, 5000, 30_000] as const;

/** Redeliveries without an answer (consumer crashes) before the broker dead-letters a message. */
export const DELIVERY_LIMIT = 10;

export function eventQueueName(service: ServiceName, type: EventType): string {
  return `${service}.${type}`;
}

export function retryQueueName(queue: string, delayMs: number): string {
  return `${queue}.retry.${delayMs}ms`;
}

export function deadLetterQueueName(queue: string): string {
  return `${queue}.dlq`;
}

export function rpcQueueName(service: ServiceName): string {
  return `${service}.rpc`;
}

/** Headers the consumer side writes on retried and dead-lettered messages. */
export const HEADERS = {
  attempt: 'x-prepmate-attempt',
  error: 'x-prepmate-error',
  failedAt: 'x-prepmate-failed-at',
  originalQueue: 'x-prepmate-original-queue',
  replayed: 'x-prepmate-replayed',
  correlationId: 'x-correlation-id',
  requestId: 'x-request-id',
} as const;
