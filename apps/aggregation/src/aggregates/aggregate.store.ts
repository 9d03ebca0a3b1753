import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope } from '@prepmate/contracts';
import { OutboxRelay, withPendingEvents } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import { emptyAggregate, type UserAggregate } from '../domain/user-aggregate';
import { decodeAggregate, encodeAggregate } from './aggregate-encoding';
import { USER_AGGREGATE_MODEL, type UserAggregateDocument } from './user-aggregate.schema';
import { isDuplicateKeyError } from '@prepmate/platform';

/** What a read of an aggregate needs (either stored format), not the outbox's events. */
const STORED_AGGREGATE = {
  lastKey: 1,
  attemptCount: 1,
  state: 1,
  topics: 1,
  problems: 1,
  days: 1,
  version: 1,
} as const;

/** Another run stored the user's aggregate since this one read it. */
export class StaleAggregateError extends Error {
  constructor(userId: string) {
    super(`the aggregate of ${userId} changed since it was read; the job runs again`);
    this.name = 'StaleAggregateError';
  }
}

/** Users' aggregates, read and written by `_id` (the user id). */
@Injectable()
export class AggregateStore implements OnModuleInit {
  constructor(
    @InjectModel(USER_AGGREGATE_MODEL) private readonly model: Model<UserAggregateDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  /** Publishes the user's pending `topic.aggregated` now (the fast path after a save; a failure is left to the outbox sweep). */
  async relayPending(userId: string): Promise<void> {
    await this.relay.relayOrLeave(this.model, [userId]);
  }

  async load(userId: string): Promise<UserAggregate> {
    return (await this.loadVersioned(userId)).aggregate;
  }

  /** The aggregate with the version a later `save` is made against (0: none stored). */
  async loadVersioned(userId: string): Promise<{ aggregate: UserAggregate; version: number }> {
    const doc = await this.model
      .findById(userId, STORED_AGGREGATE)
      .lean<UserAggregateDocument | null>();
    if (!doc) return { aggregate: emptyAggregate(), version: 0 };
    return { aggregate: decodeAggregate(doc), version: doc.version ?? 0 };
  }

  /**
   * Writes the aggregate and, in the same update, the event announcing it (outbox), only if
   * the stored one is still at `readVersion`: a job that stalled and was run again elsewhere
   * must not store its older result last. Throws StaleAggregateError otherwise; the job then
   * fails, and its retry starts from what is stored.
   */
  async save(
    userId: string,
    aggregate: UserAggregate,
    event: EventEnvelope | null,
    readVersion: number,
  ): Promise<void> {
    const now = new Date();
    const { set, unset } = encodeAggregate(aggregate);
    const update = {
      $set: { ...set, lastReceivedAt: now, updatedAt: now, version: readVersion + 1 },
      $unset: unset,
    };
    // Documents written before versions existed have none: they count as version 0.
    const filter =
      readVersion === 0
        ? { _id: userId, version: { $exists: false } }
        : { _id: userId, version: readVersion };
    try {
      const written = await this.model.updateOne(
        filter,
        event ? withPendingEvents(update, event) : update,
        { upsert: true },
      );
      if (written.matchedCount === 0 && written.upsertedCount === 0)
        throw new StaleAggregateError(userId);
    } catch (error) {
      // The upsert of a filter that no longer matches collides with the stored document.
      if (isDuplicateKeyError(error)) throw new StaleAggregateError(userId);
      throw error;
    }
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
      .findById(userId, STORED_AGGREGATE)
      .lean<UserAggregateDocument | null>();
    return doc ? decodeAggregate(doc) : null;
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteOne({ _id: userId })).deletedCount;
  }
}
