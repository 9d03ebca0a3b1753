import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope } from '@prepmate/contracts';
import { withPendingEvents } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import { emptyAggregate, type UserAggregate } from '../domain/user-aggregate';
import { USER_AGGREGATE_MODEL, type UserAggregateDocument } from './user-aggregate.schema';

/** Users' aggregates, read and written by `_id` (the user id). */
@Injectable()
export class AggregateStore {
  constructor(@InjectModel(USER_AGGREGATE_MODEL) readonly model: Model<UserAggregateDocument>) {}

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

  async exportUser(userId: string): Promise<UserAggregate | null> {
    const doc = await this.model
      .findById(userId, { pendingEvents: 0 })
      .lean<UserAggregateDocument | null>();
    if (!doc) return null;
    const { lastKey, attemptCount, topics, problems, days } = doc;
    return { lastKey, attemptCount, topics, problems, days };
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteOne({ _id: userId })).deletedCount;
  }
}
