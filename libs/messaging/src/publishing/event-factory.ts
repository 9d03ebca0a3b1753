import {
  EVENT_VERSIONS,
  type EventEnvelope,
  type EventPayloads,
  type EventType,
  type ServiceName,
} from '@prepmate/contracts';
import { currentContext } from '@prepmate/platform';
import { v7 as uuidv7 } from 'uuid';
import type { BatchHeader } from '../outbox/batch-outbox';

/**
 * A new event in its envelope: a UUID v7 id (time-ordered), the current version of its
 * type, and the correlation id of the request or event that caused it.
 */
export function createEvent<T extends EventType>(
  type: T,
  payload: EventPayloads[T],
  producer: ServiceName,
  correlationId?: string,
): EventEnvelope<T> {
  const eventId = uuidv7();
  return {
    eventId,
    type,
    version: EVENT_VERSIONS[type],
    occurredAt: new Date().toISOString(),
    producer,
    correlationId: correlationId ?? currentContext()?.correlationId ?? eventId,
    payload,
  };
}

/**
 * The event of one state written by a bulk write (see BatchOutbox): its id is kept in the
 * state, its time and correlation are the batch's, so the writer and a recovering sweep build
 * the very same event.
 */
export function batchEvent<T extends EventType>(
  type: T,
  payload: EventPayloads[T],
  producer: ServiceName,
  eventId: string,
  header: BatchHeader,
): EventEnvelope<T> {
  return {
    eventId,
    type,
    version: EVENT_VERSIONS[type],
    occurredAt: header.occurredAt,
    producer,
    correlationId: header.correlationId,
    payload,
  };
}
