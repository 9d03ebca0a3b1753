import type { EventEnvelope } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/**
 * Fields a document gets when its state changes publish events (the transactional outbox
 * without transactions): the events ride in the same document write as the state change,
 * and the relay removes each one once the broker confirmed it.
 */
export interface OutboxFields {
  pendingEvents: EventEnvelope[];
  outboxLeaseUntil: Date | null;
}

/** Mongoose plugin adding the outbox fields to a schema. */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    pendingEvents: { type: [Schema.Types.Mixed], default: [] },
    outboxLeaseUntil: { type: Date, default: null },
  });
}

/** The update fragment that appends events to a document in the same write as its state. */
export function pushPendingEvents(...events: EventEnvelope[]): {
  $push: { pendingEvents: { $each: EventEnvelope[] } };
} {
  return { $push: { pendingEvents: { $each: events } } };
}
