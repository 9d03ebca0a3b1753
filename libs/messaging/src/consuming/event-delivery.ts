import { isEventType, type EventEnvelope } from '@prepmate/contracts';
import { runWithContext } from '@prepmate/platform';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import type { ProcessedEventStore } from '../idempotency/processed-event.store';
import { eventHandlerDuration, eventsConsumed } from '../messaging.metrics';
import type { EventPublisher } from '../publishing/event-publisher';
import { withoutBrokerBookkeeping } from '../topology/headers';
import { HEADERS, deadLetterQueueName, retryQueueName } from '../topology/names';
import { checkMessageSignature, type SignatureCheck } from '../signing/message-signature';
import { MalformedEventError } from './malformed-event';
import { nextFailureStep } from './retry-policy';

export type EventHandlerFn = (event: EventEnvelope) => Promise<void>;

/** Tells whether a failure is a dependency's outage (`DependencyGate`). */
export interface OutageCheck {
  dependencyDown(): Promise<boolean>;
}

/**
 * What happens to one delivered event, in order:
 * 1. not an envelope, or not signed with the signing secret (a message forged by whoever
 *    reached the broker) → dead-lettered at once, never handled (retrying cannot fix it);
 * 2. its eventId is claimed for this queue (one batched insert for concurrent deliveries);
 *    a first delivery whose claim exists already is a duplicate → acked, nothing else;
 * 3. handled, then acked — never acked before the handler's effects are stored; a handler
 *    that has not finished within `handlerTimeoutMs` counts as failed (step 5): its delivery
 *    is not held until the broker's consumer timeout closes the channel. The late handler may
 *    still finish; its effects are keyed like every retry's, so that changes nothing twice;
 * 4. handler threw `MalformedEventError` (the payload breaks its contract) → the claim is
 *    released and the message dead-lettered at once: no retry can fix it;
 * 5. handler failed while a dependency (database, Redis) is down (`OutageCheck`) → the
 *    message is put back through the first retry queue with its attempt count unchanged (an
 *    outage burns no retries and sends nothing to the DLQ) and the transport pauses consuming;
 * 6. handler failed otherwise → the claim is released (a later publish of the same event is handled)
 *    and the message republished (confirmed) to the next retry queue, or to the DLQ with the
 *    error in its headers after the last retry, and only then acked; if even that publish fails it is nacked back to its queue, never lost.
 * A message the broker redelivers (its consumer died before acking), a retry and an operator's
 * replay are handled again even though their claim exists: the earlier attempt may have
 * stopped before its effects were stored. Handlers therefore key their effects by what they
 * store (a submission id, a user and topic), so a second run changes nothing; the claim makes
 * every plain duplicate (an event published twice) cost one insert and no handling.
 * An ack or nack on a channel that died meanwhile is dropped: the broker redelivers the
 * message. Two deliveries of one event that arrive together are handled one after the other.
 */
export class EventDelivery {
  private readonly handling = new Map<string, Promise<void>>();

  constructor(
    private readonly queue: string,
    private readonly handler: EventHandlerFn,
    private readonly processed: ProcessedEventStore,
    private readonly publisher: EventPublisher,
    private readonly retryDelaysMs: readonly number[],
    private readonly signatures: SignatureCheck,
    private readonly log: Logger,
    private readonly handlerTimeoutMs: number,
    private readonly outage: OutageCheck = { dependencyDown: () => Promise.resolve(false) },
  ) {}

  async handle(channel: Channel, message: ConsumeMessage): Promise<void> {
    const event = parseEnvelope(message);
    if (!event) {
      await this.deadLetter(channel, message, 'not a valid event envelope', 0);
      return;
    }
    const signature = message.properties.headers?.[HEADERS.signature] as unknown;
    const verdict = checkMessageSignature('event', message.content, signature, this.signatures);
    if (verdict === 'unsigned') {
      this.log.warn(
        { type: event.type, eventId: event.eventId },
        'unsigned event accepted (ACCEPT_UNSIGNED_MESSAGES is on)',
      );
    }
    if (verdict === 'refused') {
      this.log.warn(
        { type: event.type, eventId: event.eventId, signed: signature !== undefined },
        'refused an event without a valid signature; dead-lettering',
      );
      await this.deadLetter(channel, message, 'event is not signed by this system', 0);
      return;
    }
    const earlier = this.handling.get(event.eventId);
    const current = (earlier ?? Promise.resolve()).then(() =>
      this.handleEvent(channel, message, event),
    );
    this.handling.set(event.eventId, current);
    try {
      await current;
    } finally {
      if (this.handling.get(event.eventId) === current) this.handling.delete(event.eventId);
    }
  }

  private async handleEvent(
    channel: Channel,
    message: ConsumeMessage,
    event: EventEnvelope,
  ): Promise<void> {
    const context = {
      requestId: event.eventId,
      correlationId: event.correlationId,
      eventId: event.eventId,
    };
    await runWithContext(context, async () => {
      const timer = eventHandlerDuration.startTimer({ queue: this.queue });
      try {
        const claimed = await this.processed.claim(this.queue, event.eventId);
        if (!claimed && !isRepeatedAttempt(message)) {
          eventsConsumed.inc({ queue: this.queue, outcome: 'duplicate' });
          this.log.debug({ type: event.type }, 'duplicate event ignored');
          this.settle(channel, message, 'ack');
          return;
        }
        await withTimeout(this.handler(event), this.handlerTimeoutMs);
        eventsConsumed.inc({ queue: this.queue, outcome: 'processed' });
        this.settle(channel, message, 'ack');
      } catch (error) {
        if (error instanceof HandlerTimeoutError)
          eventsConsumed.inc({ queue: this.queue, outcome: 'timed_out' });
        await this.releaseClaim(event.eventId);
        if (error instanceof MalformedEventError)
          await this.rejectMalformed(channel, message, error);
        else if (await this.outage.dependencyDown())
          await this.defer(channel, message, event, error);
        else await this.onFailure(channel, message, event, error);
      } finally {
        timer();
      }
    });
  }

  /**
   * Forgets the claim of a failed attempt: the retry is handled anyway (a repeated attempt),
   * but a fresh publish of the same event (an outbox re-send after a dead letter) must not be
   * taken for a duplicate of work that never stuck. A failed release is logged only.
   */
  private async releaseClaim(eventId: string): Promise<void> {
    try {
      await this.processed.release(this.queue, eventId);
    } catch (error) {
      this.log.warn({ err: describeError(error), eventId }, 'could not release the claim');
    }
  }

  private async onFailure(
    channel: Channel,
    message: ConsumeMessage,
    event: EventEnvelope,
    error: unknown,
  ): Promise<void> {
    const reason = describeError(error);
    const previous = Number(message.properties.headers?.[HEADERS.attempt] ?? 0);
    const step = nextFailureStep(previous, this.retryDelaysMs);
    if (step.kind === 'dead-letter') {
      this.log.error(
        { err: reason, type: event.type, attempts: step.attempt },
        'event handler failed for the last time; dead-lettering',
      );
      await this.deadLetter(channel, message, reason, step.attempt);
      return;
    }
    this.log.warn(
      { err: reason, type: event.type, attempt: step.attempt, retryInMs: step.delayMs },
      'event handler failed; will retry',
    );
    await this.moveTo(channel, message, retryQueueName(this.queue, step.delayMs), 'retried', {
      [HEADERS.attempt]: step.attempt,
      [HEADERS.error]: reason,
    });
  }

  /** A broken contract: straight to the DLQ, no retry can fix it. */
  private async rejectMalformed(
    channel: Channel,
    message: ConsumeMessage,
    error: MalformedEventError,
  ): Promise<void> {
    const attempts = Number(message.properties.headers?.[HEADERS.attempt] ?? 0) + 1;
    this.log.error({ faults: error.faults }, 'malformed event; dead-lettering without retries');
    await this.deadLetter(channel, message, error.message, attempts);
  }

  /** Puts the message back without counting the attempt: its failure was an outage's. */
  private async defer(
    channel: Channel,
    message: ConsumeMessage,
    event: EventEnvelope,
    error: unknown,
  ): Promise<void> {
    this.log.warn(
      { err: describeError(error), type: event.type },
      'event handler failed while a dependency is down; put back, not counted as an attempt',
    );
    const delay = this.retryDelaysMs[0];
    if (delay === undefined) {
      eventsConsumed.inc({ queue: this.queue, outcome: 'requeued' });
      this.settle(channel, message, 'requeue');
      return;
    }
    await this.moveTo(channel, message, retryQueueName(this.queue, delay), 'deferred', {
      [HEADERS.attempt]: Number(message.properties.headers?.[HEADERS.attempt] ?? 0),
      [HEADERS.error]: describeError(error),
      [HEADERS.deferred]: true,
    });
  }

  private deadLetter(
    channel: Channel,
    message: ConsumeMessage,
    reason: string,
    attempts: number,
  ): Promise<void> {
    return this.moveTo(channel, message, deadLetterQueueName(this.queue), 'dead_lettered', {
      [HEADERS.attempt]: attempts,
      [HEADERS.error]: reason,
      [HEADERS.failedAt]: new Date().toISOString(),
      [HEADERS.originalQueue]: this.queue,
    });
  }

  /**
   * Republishes the message (confirmed) to `target` with extra headers, then acks it; if the
   * publish fails, nacks it back to its queue so it is never lost.
   */
  private async moveTo(
    channel: Channel,
    message: ConsumeMessage,
    target: string,
    outcome: 'retried' | 'dead_lettered' | 'deferred',
    headers: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.publisher.send('', target, message.content, {
        ...copyProperties(message),
        headers: { ...withoutBrokerBookkeeping(message.properties.headers), ...headers },
      });
      eventsConsumed.inc({ queue: this.queue, outcome });
      this.settle(channel, message, 'ack');
    } catch (publishError) {
      this.log.error(
        { err: describeError(publishError), target },
        'could not republish; requeueing',
      );
      eventsConsumed.inc({ queue: this.queue, outcome: 'requeued' });
      this.settle(channel, message, 'requeue');
    }
  }

  private settle(channel: Channel, message: ConsumeMessage, how: 'ack' | 'requeue'): void {
    try {
      if (how === 'ack') channel.ack(message);
      else channel.nack(message, false, true);
    } catch (error) {
      this.log.warn(
        { err: describeError(error) },
        'channel closed before settling; the broker will redeliver',
      );
    }
  }
}

/** A handler that ran longer than HANDLER_TIMEOUT_MS. */
export class HandlerTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`handler did not finish within ${timeoutMs} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

async function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeoutError(timeoutMs)), timeoutMs);
  });
  // A handler that fails after its timeout has nobody waiting for it any more.
  work.catch(() => undefined);
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function parseEnvelope(message: ConsumeMessage): EventEnvelope | null {
  try {
    const value = JSON.parse(message.content.toString('utf8')) as Partial<EventEnvelope>;
    const valid =
      typeof value === 'object' &&
      value !== null &&
      typeof value.eventId === 'string' &&
      value.eventId.length > 0 &&
      typeof value.type === 'string' &&
      isEventType(value.type) &&
      typeof value.payload === 'object' &&
      value.payload !== null;
    return valid ? (value as EventEnvelope) : null;
  } catch {
    return null;
  }
}

/**
 * A redelivery, a retry, a deferral or a replay: an earlier attempt may have stopped half-way.
 */
function isRepeatedAttempt(message: ConsumeMessage): boolean {
  const headers = message.properties.headers ?? {};
  return (
    message.fields.redelivered ||
    Number(headers[HEADERS.attempt] ?? 0) > 0 ||
    headers[HEADERS.replayed] === true ||
    headers[HEADERS.deferred] === true
  );
}

function copyProperties(message: ConsumeMessage) {
  const { messageId, type, contentType, correlationId, timestamp } = message.properties;
  return {
    messageId: (messageId as string | undefined) ?? `${message.fields.deliveryTag}-${Date.now()}`,
    type: type as string | undefined,
    contentType: contentType as string | undefined,
    correlationId: correlationId as string | undefined,
    timestamp: timestamp as number | undefined,
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}
