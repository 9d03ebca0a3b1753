import { type OutboxFields, outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';
import type { LearnerProfile } from './learner-profile';

/**
 * One learner's engagement profile in aggregation (docs/product.md#goals-and-streaks):
 * the projection of auth's profile (time zone, target date), the counted days and streak,
 * this fortnight's activity, weekly goals, readiness samples and the next reminder check.
 * Read and written by `_id` (the user id), against its `version` (compare and set); the
 * goal and reminder events ride in the same write (outbox). `nextCheckAt` is the
 * scheduler's index: a tick reads only the profiles whose check is due.
 */
export interface LearnerProfileDocument extends LearnerProfile, OutboxFields {
  _id: string;
  version: number;
  updatedAt: Date;
}

export const LEARNER_PROFILE_MODEL = 'LearnerProfile';

export const LearnerProfileSchema = new Schema<LearnerProfileDocument>(
  {
    _id: { type: String, required: true },
    timeZone: { type: String, default: 'UTC' },
    preparationTargetDate: { type: String, default: null },
    profileVersion: { type: Number, default: 0 },
    countedDays: { type: [String], default: [] },
    streak: { type: Schema.Types.Mixed, default: null },
    activity: { type: Schema.Types.Mixed, default: {} },
    goals: { type: Schema.Types.Mixed, default: [] },
    readinessHistory: { type: Schema.Types.Mixed, default: [] },
    nextCheckAt: { type: Date, required: true },
    lastMorningCheck: { type: String, default: null },
    lastEveningCheck: { type: String, default: null },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'learner_profiles', versionKey: false, minimize: false },
);
LearnerProfileSchema.plugin(outboxPlugin);
LearnerProfileSchema.index({ nextCheckAt: 1 });
