import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope } from '@prepmate/contracts';
import { withPendingEvents } from '@prepmate/messaging';
import { chunkedBulkWrite } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { emptyAggregate, type UserAggregate } from '../domain/user-aggregate';
import {
  TOPIC_MASTERY_MODEL,
  type TopicMasteryDocument,
  USER_AGGREGATE_MODEL,
  type UserAggregateDocument,
} from './user-aggregate.schema';

/** Users' aggregates and the per-topic mastery population beside them. */
@Injectable()
export class AggregateStore {
  constructor(
    @InjectModel(USER_AGGREGATE_MODEL) readonly model: Model<UserAggregateDocument>,
    @InjectModel(TOPIC_MASTERY_MODEL) private readonly masteries: Model<TopicMasteryDocument>,
  ) {}

  async load(userId: string): Promise<UserAggregate> {
    const doc = await this.model
      .findById(userId, { pendingEvents: 0 })
      .lean<UserAggregateDocument | null>();
    if (!doc) return emptyAggregate();
    const { lastKey, attemptCount, topics, problems, days } = doc;
    return { lastKey, attemptCount, topics, problems, days };
  }

  /** Writes the aggregate and, in the same update, the event announcing it (outbox). */
  async save(userId: string, aggregate: UserAggregate, event: EventEnvelope | null): Promise<void> {
    const now = new Date();
    const update = {
      $set: { ...aggregate, lastReceivedAt: now, updatedAt: now },
    };
    await this.model.updateOne({ _id: userId }, event ? withPendingEvents(update, event) : update, {
      upsert: true,
    });
  }

  /** Users whose attempts arrived since `since`. */
  async activeSince(since: Date): Promise<string[]> {
    const docs = await this.model
      .find({ lastReceivedAt: { $gte: since } }, { _id: 1 })
      .lean<Array<{ _id: string }>>();
    return docs.map((doc) => doc._id);
  }

  async setMasteries(
    userId: string,
    masteries: Array<{ topic: string; mastery: number }>,
  ): Promise<void> {
    await chunkedBulkWrite(
      this.masteries.collection,
      masteries.map(({ topic, mastery }) => ({
        updateOne: {
          filter: { _id: `${userId}:${topic}` },
          update: { $set: { userId, topic, mastery } },
          upsert: true,
        },
      })),
    );
  }

  /** Every user's mastery on each topic (one equality query per topic). */
  async population(topics: string[]): Promise<Map<string, number[]>> {
    const entries = await Promise.all(
      topics.map(async (topic) => {
        const docs = await this.masteries
          .find({ topic }, { mastery: 1 })
          .lean<Array<{ mastery: number }>>();
        return [topic, docs.map((doc) => doc.mastery)] as const;
      }),
    );
    return new Map(entries);
  }

  async exportUser(userId: string): Promise<UserAggregate | null> {
    const doc = await this.model
      .findById(userId, { pendingEvents: 0 })
      .lean<UserAggregateDocument | null>();
    if (!doc) return null;
    const { lastKey, attemptCount, topics, problems, days } = doc;
    return { lastKey, attemptCount, topics, problems, days };
  }

  async deleteUser(userId: string): Promise<number> {
    const [aggregates, masteries] = await Promise.all([
      this.model.deleteOne({ _id: userId }),
      this.masteries.deleteMany({ userId }),
    ]);
    return aggregates.deletedCount + masteries.deletedCount;
  }
}
