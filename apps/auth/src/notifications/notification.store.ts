import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { afterKeyFilter, type KeysetPosition } from '@prepmate/platform';
import {
  NOTIFICATION_MODEL,
  type EmailState,
  type NotificationDocument,
} from './notification.schema';

/** The unread count stops here: the badge reads "999+" past it, and the count stays bounded. */
export const UNREAD_COUNT_CAP = 999;

const DUPLICATE_KEY = 11000;

/** Stored notifications (auth's `notifications`), by user. */
@Injectable()
export class NotificationStore {
  constructor(
    @InjectModel(NOTIFICATION_MODEL) private readonly model: Model<NotificationDocument>,
  ) {}

  /** Stores it once; false when it was there already (the same event delivered again). */
  async insert(notification: NotificationDocument): Promise<boolean> {
    try {
      await this.model.create(notification);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  findById(id: string): Promise<NotificationDocument | null> {
    return this.model.findOne({ _id: id }).lean<NotificationDocument>();
  }

  /** One page of the learner's list, newest first: `limit + 1` read to know whether more follow. */
  page(userId: string, limit: number, after?: KeysetPosition): Promise<NotificationDocument[]> {
    const filter: FilterQuery<NotificationDocument> = {
      userId,
      inApp: true,
      ...(after
        ? afterKeyFilter(
            'createdAt',
            { key: new Date(after.key), id: after.id },
            { key: 'desc', id: 'desc' },
          )
        : {}),
    };
    return this.model
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<NotificationDocument[]>();
  }

  /** Unread in-app notifications, counted up to UNREAD_COUNT_CAP. */
  unreadCount(userId: string): Promise<number> {
    return this.model.countDocuments(
      { userId, inApp: true, readAt: null },
      { limit: UNREAD_COUNT_CAP },
    );
  }

  /** Marks the learner's notification read; null when no such notification is theirs. */
  async markRead(userId: string, id: string, at: Date): Promise<{ marked: number } | null> {
    const result = await this.model.updateOne(
      { _id: id, userId, inApp: true, readAt: null },
      { $set: { readAt: at } },
    );
    if (result.modifiedCount === 1) return { marked: 1 };
    const exists = await this.model.exists({ _id: id, userId, inApp: true });
    return exists ? { marked: 0 } : null;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const result = await this.model.updateMany(
      { userId, inApp: true, readAt: null },
      { $set: { readAt: at } },
    );
    return result.modifiedCount;
  }

  /** What waits for the learner's digest, oldest first (at most `limit`). */
  waitingForDigest(userId: string, limit: number): Promise<NotificationDocument[]> {
    return this.model
      .find({ userId, emailState: 'digest' })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean<NotificationDocument[]>();
  }

  /** Moves these notifications from one email state to the next (only those still in `from`). */
  async setEmailState(ids: string[], from: EmailState, to: EmailState): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.model.updateMany(
      { _id: { $in: ids }, emailState: from },
      { $set: { emailState: to } },
    );
    return result.modifiedCount;
  }

  /**
   * Deletes up to `limit` notifications read before `readBefore`, the longest read first (a
   * range on the (readAt, _id) index; unread ones have no readAt). Returns how many went.
   */
  async deleteReadBefore(readBefore: Date, limit: number): Promise<number> {
    const batch = await this.model
      .find({ readAt: { $lt: readBefore } }, { _id: 1 })
      .sort({ readAt: 1, _id: 1 })
      .limit(limit)
      .lean<Array<{ _id: string }>>();
    if (batch.length === 0) return 0;
    const result = await this.model.deleteMany({
      _id: { $in: batch.map((doc) => doc._id) },
      readAt: { $lt: readBefore },
    });
    return result.deletedCount;
  }

  forUser(userId: string): Promise<NotificationDocument[]> {
    return this.model
      .find({ userId })
      .sort({ createdAt: 1, _id: 1 })
      .lean<NotificationDocument[]>();
  }

  async deleteForUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
