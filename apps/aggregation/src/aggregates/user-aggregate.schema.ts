import { type OutboxFields, outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';
import type { UserAggregate } from '../domain/user-aggregate';

/**
 * One user's aggregate (topic states, problem states with revision cards, daily activity),
 * the result of every applied attempt. Its `topic.aggregated` events ride in the same write
 * (outbox). `lastReceivedAt` finds the users the periodic recompute covers.
 */
export interface UserAggregateDocument extends UserAggregate, OutboxFields {
  _id: string;
  lastReceivedAt: Date;
  updatedAt: Date;
}

export const USER_AGGREGATE_MODEL = 'UserAggregate';

export const UserAggregateSchema = new Schema<UserAggregateDocument>(
  {
    _id: { type: String, required: true },
    lastKey: { type: Schema.Types.Mixed, default: null },
    attemptCount: { type: Number, default: 0 },
    topics: { type: Schema.Types.Mixed, default: {} },
    problems: { type: Schema.Types.Mixed, default: {} },
    days: { type: Schema.Types.Mixed, default: {} },
    lastReceivedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'user_aggregates', versionKey: false, minimize: false },
);
UserAggregateSchema.plugin(outboxPlugin);
UserAggregateSchema.index({ lastReceivedAt: 1 });

/**
 * Each user's mastery per topic, small documents beside the aggregates: the population a
 * percentile rank and the comparison with the average are computed against.
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
TopicMasterySchema.index({ topic: 1 });
TopicMasterySchema.index({ userId: 1 });
