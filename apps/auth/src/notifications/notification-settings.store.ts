import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AppError } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { effectivePreferences, type PreferenceMap } from '../domain/notification-preferences';
import {
  NOTIFICATION_SETTINGS_MODEL,
  type NotificationSettingsDocument,
} from './notification-settings.schema';

const DUPLICATE_KEY = 11000;
const MAX_ATTEMPTS = 5;

/** Each learner's notification settings and next digest time (auth's `notification_settings`). */
@Injectable()
export class NotificationSettingsStore {
  constructor(
    @InjectModel(NOTIFICATION_SETTINGS_MODEL)
    private readonly model: Model<NotificationSettingsDocument>,
  ) {}

  find(userId: string): Promise<NotificationSettingsDocument | null> {
    return this.model.findOne({ _id: userId }).lean<NotificationSettingsDocument>();
  }

  async preferences(userId: string): Promise<PreferenceMap> {
    return effectivePreferences((await this.find(userId))?.preferences);
  }

  /**
   * Applies `change` to the stored preferences, conditionally on the version read (another
   * replica's write in between makes it read and apply again), never a blind `$set`.
   */
  async updatePreferences(
    userId: string,
    change: (current: PreferenceMap) => PreferenceMap,
  ): Promise<PreferenceMap> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = await this.find(userId);
      const next = change(effectivePreferences(stored?.preferences));
      if (!stored) {
        try {
          await this.model.create({
            _id: userId,
            preferences: next,
            version: 1,
            nextDigestAt: null,
          });
          return next;
        } catch (error) {
          if ((error as { code?: number }).code === DUPLICATE_KEY) continue;
          throw error;
        }
      }
      const result = await this.model.updateOne(
        { _id: userId, version: stored.version },
        { $set: { preferences: next, version: stored.version + 1 } },
      );
      if (result.modifiedCount === 1) return next;
    }
    throw AppError.because('PREFERENCES_CHANGED', 'the preferences changed meanwhile; try again');
  }

  /** Sets the next digest time unless one is set already (the earlier one stands). */
  async scheduleDigest(userId: string, at: Date): Promise<void> {
    try {
      await this.model.updateOne(
        { _id: userId, nextDigestAt: null },
        { $set: { nextDigestAt: at }, $setOnInsert: { preferences: {}, version: 0 } },
        { upsert: true },
      );
    } catch (error) {
      // The document exists with a digest already due: nothing to do.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /** Learners whose digest is due, earliest first: an index range on `nextDigestAt`. */
  dueDigests(now: Date, limit: number): Promise<Array<{ _id: string; nextDigestAt: Date }>> {
    return this.model
      .find({ nextDigestAt: { $ne: null, $lte: now } }, { _id: 1, nextDigestAt: 1 })
      .sort({ nextDigestAt: 1 })
      .limit(limit)
      .lean<Array<{ _id: string; nextDigestAt: Date }>>();
  }

  /**
   * Takes the due digest for this run: clears the time only if it is still the one read, so
   * of two replicas' scans exactly one gets it. A notification stored afterwards sets a new
   * time, for the next morning.
   */
  async claimDigest(userId: string, dueAt: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: userId, nextDigestAt: dueAt },
      { $set: { nextDigestAt: null } },
    );
    return result.modifiedCount === 1;
  }

  async deleteForUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ _id: userId })).deletedCount;
  }
}
