import type { EventType, ServiceName } from '@prepmate/contracts';

/** Alternate exchange of an events exchange: an event no queue is bound to lands there, never dropped. */
export function unroutedExchangeName(eventsExchange: string): string {
  return `${eventsExchange}.unrouted`;
}
/**
 * The queue behind the alternate exchange, where operators find events no one consumed. It is
 * bounded (x-max-length, oldest dropped); its name changed when it got the bound, because the
 * broker refuses to re-declare an existing queue with other arguments (see
 * legacyUnroutedQueueName).
 */
export function unroutedQueueName(eventsExchange: string): string {
  return `${eventsExchange}.unrouted.capped`;
}

/** The unbounded unrouted queue of earlier versions; unbound at start, left for an operator. */
export function legacyUnroutedQueueName(eventsExchange: string): string {
  return `${eventsExchange}.unrouted`;
}

/** Redeliveries without an answer (consumer crashes) before the broker dead-letters a message. */
export const DELIVERY_LIMIT = 10;

/** `<prefix><service>.<event type>`; the prefix is AMQP_QUEUE_PREFIX (empty in production). */
export function eventQueueName(service: ServiceName, type: EventType, prefix = ''): string {
  return `${prefix}${service}.${type}`;
}

export function retryQueueName(queue: string, delayMs: number): string {
  return `${queue}.retry.${delayMs}ms`;
}

export function deadLetterQueueName(queue: string): string {
  return `${queue}.dlq`;
}

export function rpcQueueName(service: ServiceName, prefix = ''): string {
  return `${prefix}${service}.rpc`;
}

/** Headers the consumer side writes on retried and dead-lettered messages. */
export const HEADERS = {
  attempt: 'x-prepmate-attempt',
  error: 'x-prepmate-error',
  failedAt: 'x-prepmate-failed-at',
  originalQueue: 'x-prepmate-original-queue',
  replayed: 'x-prepmate-replayed',
  /** Put back while a dependency was down: not counted as an attempt (docs/reliability.md). */
  deferred: 'x-prepmate-deferred',
  correlationId: 'x-correlation-id',
  requestId: 'x-request-id',
  /** HMAC of an RPC request's or event's body with the signing secret (`signing/`). */
  signature: 'x-prepmate-signature',
} as const;
