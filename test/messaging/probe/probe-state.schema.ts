import { outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';

/** A state document whose changes publish events through the outbox (tests only). */
export const ProbeStateSchema = new Schema(
  { _id: String, value: Number },
  { collection: 'probe_states', versionKey: false },
);
ProbeStateSchema.plugin(outboxPlugin);
