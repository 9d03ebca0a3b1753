import type { EventEnvelope } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/**
 * Fields a document gets when its state changes publish events (the transactional outbox
 * without transactions): the events ride in the same document write as the state change,
 * and the relay removes each one once the broker confirmed it. `outboxPending` is the flag
 * the sweep looks for: an equality on a boolean is a filter every MongoDB-compatible engine
 * answers without reading the documents that have nothing to publish.
 */
export interface OutboxFields {
  pendingEvents: EventEnvelope[];
  outboxPending: boolean;
  outboxLeaseUntil: Date | null;
}

/** Mongoose plugin adding the outbox fields (and the sweep's index) to a schema. */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    pendingEvents: { type: [Schema.Types.Mixed], default: [] },
    outboxPending: { type: Boolean, default: false },
    outboxLeaseUntil: { type: Date, default: null },
  });
  schema.index({ outboxPending: 1 });
  schema.pre('validate', function markPending(this: Partial<OutboxFields>) {
    if (this.pendingEvents && this.pendingEvents.length > 0) this.outboxPending = true;
  });
}

type Update = { $set?: Record<string, unknown>; $push?: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** Adds events to an update so they are written in the same operation as its state change. */
export function withPendingEvents<U extends Update>(update: U, ...events: EventEnvelope[]): U {
  return {
    ...update,
    $set: { ...update.$set, outboxPending: true },
    $push: { ...update.$push, pendingEvents: { $each: events } },
  };
}
