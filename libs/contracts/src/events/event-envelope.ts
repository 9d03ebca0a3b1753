import type { ServiceName } from '../services';
import type { EventPayloads, EventType } from './event-map';

/** The envelope every domain event travels in (docs/events.md). */
export interface EventEnvelope<T extends EventType = EventType> {
  /** UUID v7; the idempotency key of every consumer. */
  eventId: string;
  type: T;
  version: number;
  /** ISO 8601. */
  occurredAt: string;
  producer: ServiceName;
  /** The request id that caused the event, carried through every hop. */
  correlationId: string;
  payload: EventPayloads[T];
}
