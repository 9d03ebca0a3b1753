import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Platform } from '@prepmate/contracts';
import { createEvent, OutboxRelay } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import {
  SYNC_FAILURE_ALERT_MODEL,
  type SyncFailureAlertDocument,
} from './sync-failure-alert.schema';

export interface FailureStreak {
  userId: string;
  platform: Platform;
  /** The sync batch whose failure started the streak. */
  startedBy: string;
  consecutiveFailures: number;
  lastError: string;
}

/**
 * Announces failure streaks (`sync.failing`, outbox): the alert document's `_id` names the
 * streak, so a second announcement of the same streak is a duplicate key and publishes nothing.
 */
@Injectable()
export class SyncFailureAlertStore implements OnModuleInit {
  constructor(
    @InjectModel(SYNC_FAILURE_ALERT_MODEL) private readonly model: Model<SyncFailureAlertDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  /** Returns whether this call announced the streak (false: it was announced before). */
  async announce(streak: FailureStreak): Promise<boolean> {
    const _id = `${streak.userId}:${streak.platform}:${streak.startedBy}`;
    const failedAt = new Date();
    const event = createEvent(
      'sync.failing',
      {
        userId: streak.userId,
        platform: streak.platform,
        consecutiveFailures: streak.consecutiveFailures,
        lastError: streak.lastError,
        failedAt: failedAt.toISOString(),
      },
      'ingestion',
    );
    try {
      await this.model.create({
        _id,
        userId: streak.userId,
        platform: streak.platform,
        consecutiveFailures: streak.consecutiveFailures,
        lastError: streak.lastError,
        createdAt: failedAt,
        pendingEvents: [event],
        outboxPending: true,
        outboxLeaseUntil: null,
      });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
    await this.relay.relayOrLeave(this.model, [_id]);
    return true;
  }

  async exportUser(userId: string) {
    const docs = await this.model
      .find({ userId })
      .sort({ createdAt: 1 })
      .lean<SyncFailureAlertDocument[]>();
    return docs.map((doc) => ({
      platform: doc.platform,
      consecutiveFailures: doc.consecutiveFailures,
      lastError: doc.lastError,
      createdAt: doc.createdAt.toISOString(),
    }));
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
