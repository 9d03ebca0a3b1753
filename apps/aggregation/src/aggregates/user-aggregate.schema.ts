import { type OutboxFields, outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';
import type { MasteryHistogram } from '../domain/mastery-histogram';
import type { StoredAggregateFields } from './aggregate-encoding';

/**
 * One user's aggregate (topic states, problem states with revision cards, daily activity),
 * the result of every applied attempt; topics, problems and days are stored as one JSON
 * string, `state` (aggregate-encoding.ts says why). Its `topic.aggregated` events ride in the
 * same write (outbox). `lastReceivedAt` finds the users the periodic recompute covers.
 */
export interface UserAggregateDocument extends StoredAggregateFields, OutboxFields {
  _id: string;
  lastReceivedAt: Date;
  updatedAt: Date;
  /** Bumped by every save; a save is made against the version it read (AggregateStore.save). */
  version?: number;
}

export const USER_AGGREGATE_MODEL = 'UserAggregate';

export const UserAggregateSchema = new Schema<UserAggregateDocument>(
  {
    _id: { type: String, required: true },
    lastKey: { type: Schema.Types.Mixed, default: null },
    attemptCount: { type: Number, default: 0 },
    state: { type: String },
    // The earlier format, read until the user's next save removes it (no defaults: an upsert
    // must not create them beside `state`).
    topics: { type: Schema.Types.Mixed },
    problems: { type: Schema.Types.Mixed },
    days: { type: Schema.Types.Mixed },
    lastReceivedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number },
  },
  { collection: 'user_aggregates', versionKey: false, minimize: false },
);
UserAggregateSchema.plugin(outboxPlugin);
UserAggregateSchema.index({ lastReceivedAt: 1 });

/**
 * Each user's mastery per topic as counted in the topic's histogram (`_id` is
 * `userId:topic`): what a later move takes the user out of. Read and written by `_id` only.
 */
export interface TopicMasteryDocument {
  _id: string;
  userId: string;
  topic: string;
  mastery: number;
}

export const TOPIC_MASTERY_MODEL = 'TopicMastery';

export const TopicMasterySchema = new Schema<TopicMasteryDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    topic: { type: String, required: true },
    mastery: { type: Number, required: true },
  },
  { collection: 'topic_masteries', versionKey: false },
);
TopicMasterySchema.index({ userId: 1 });

/**
 * One topic's mastery histogram (`domain/mastery-histogram.ts`), kept incrementally from the
 * topic masteries: `_id` is the topic. `version` guards every write (compare and set);
 * `moving` lists the users whose move is counted here but not yet stored in their
 * topic_masteries document (a crash between the two writes is finished by their next job).
 */
export interface MasteryHistogramDocument extends MasteryHistogram {
  _id: string;
  version: number;
  moving: Array<{ userId: string; to: number | null }>;
}

export const MASTERY_HISTOGRAM_MODEL = 'MasteryHistogram';

export const MasteryHistogramSchema = new Schema<MasteryHistogramDocument>(
  {
    _id: { type: String, required: true },
    counts: { type: Schema.Types.Mixed, default: {} },
    total: { type: Number, required: true },
    sum: { type: Number, required: true },
    version: { type: Number, required: true },
    moving: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'mastery_histograms', versionKey: false, minimize: false },
);
