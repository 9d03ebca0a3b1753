import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Platform, SyncStateResponse } from '@prepmate/contracts';
import type { FilterQuery, Model } from 'mongoose';
import { afterKeyFilter, type KeysetPosition } from '@prepmate/platform';
import { nextRunAt } from '../domain/auto-sync';
import { retryDueAt, type SyncCursor } from '../domain/sync-policy';
import { SYNC_STATE_MODEL, type SyncStateDocument } from './sync-state.schema';

export const syncStateId = (userId: string, platform: Platform) => `${userId}:${platform}`;

export function toSyncStateResponse(doc: SyncStateDocument, withUser = false): SyncStateResponse {
  return {
    platform: doc.platform,
    lastSyncedSubmissionId: doc.lastSyncedSubmissionId,
    lastSyncedTimestamp: doc.lastSyncedTimestamp?.toISOString() ?? null,
    lastSyncStatus: doc.lastSyncStatus,
    lastSyncAttempt: doc.lastSyncAttempt?.toISOString() ?? null,
    nextRetryTime: doc.nextRetryTime?.toISOString() ?? null,
    currentRetryAttempt: doc.currentRetryAttempt,
    maxRetries: doc.maxRetries,
    totalSyncs: doc.totalSyncs,
    successfulSyncs: doc.successfulSyncs,
    failedSyncs: doc.failedSyncs,
    lastError: doc.lastError,
    runningSyncBatchId: doc.runningSyncBatchId,
    nextSyncAt: doc.nextSyncAt?.toISOString() ?? null,
    nextRunAt: nextRunAt({ ...doc, nextSyncAt: doc.nextSyncAt ?? null })?.toISOString() ?? null,
    consecutiveFailures: doc.consecutiveFailures ?? 0,
    ...(withUser ? { userId: doc.userId } : {}),
  };
}

/** Sync state per (user, platform). Claiming the running sync is one conditional update. */
@Injectable()
export class SyncStateStore {
  constructor(@InjectModel(SYNC_STATE_MODEL) private readonly model: Model<SyncStateDocument>) {}

  /**
   * Creates the state on first link (keeps an existing one: relinking keeps the cursor and
   * the schedule), its first automatic sync due at `nextSyncAt`.
   */
  async ensure(
    userId: string,
    platform: Platform,
    maxRetries: number,
    nextSyncAt: Date | null,
  ): Promise<void> {
    await this.model.updateOne(
      { _id: syncStateId(userId, platform) },
      { $setOnInsert: { userId, platform, maxRetries, nextSyncAt } },
      { upsert: true },
    );
  }

  get(userId: string, platform: Platform): Promise<SyncStateDocument | null> {
    return this.model.findOne({ _id: syncStateId(userId, platform) }).lean<SyncStateDocument>();
  }

  /**
   * Marks `syncBatchId` as the running sync unless another one runs (a running sync older
   * than `staleBefore` counts as dead). A manual sync restarts the retry cycle. Every claim
   * moves the automatic sync to `nextSyncAt` (one interval after this sync), and a pending
   * retry to `retryHeldUntil`: the retry scan passes over it while this sync runs (its result
   * sets the retry again; a sync that dies is retried after the hold).
   */
  async claim(
    userId: string,
    platform: Platform,
    syncBatchId: string,
    staleBefore: Date,
    manual: boolean,
    nextSyncAt: Date | null,
    retryHeldUntil: Date,
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      {
        _id: syncStateId(userId, platform),
        $or: [{ runningSyncBatchId: null }, { runningSince: { $lt: staleBefore } }],
      },
      {
        $set: {
          runningSyncBatchId: syncBatchId,
          runningSince: new Date(),
          nextSyncAt,
          ...(manual ? { currentRetryAttempt: 0 } : {}),
        },
      },
    );
    if (result.modifiedCount !== 1) return false;
    await this.model.updateOne(
      {
        _id: syncStateId(userId, platform),
        runningSyncBatchId: syncBatchId,
        retryDueAt: { $ne: null },
      },
      { $set: { retryDueAt: retryHeldUntil } },
    );
    return true;
  }

  async release(userId: string, platform: Platform, syncBatchId: string): Promise<void> {
    await this.model.updateOne(
      { _id: syncStateId(userId, platform), runningSyncBatchId: syncBatchId },
      { $set: { runningSyncBatchId: null, runningSince: null } },
    );
  }

  async succeeded(
    userId: string,
    platform: Platform,
    syncBatchId: string,
    cursor: SyncCursor,
  ): Promise<void> {
    await this.model.updateOne(
      { _id: syncStateId(userId, platform), runningSyncBatchId: syncBatchId },
      {
        $set: {
          lastSyncedSubmissionId: cursor.submissionId,
          lastSyncedTimestamp: cursor.timestamp,
          lastSyncStatus: 'succeeded',
          lastSyncAttempt: new Date(),
          nextRetryTime: null,
          retryDueAt: null,
          currentRetryAttempt: 0,
          lastError: null,
          runningSyncBatchId: null,
          runningSince: null,
          consecutiveFailures: 0,
          failureStreakStartedBy: null,
        },
        $inc: { totalSyncs: 1, successfulSyncs: 1 },
      },
    );
  }

  /**
   * Records a failure of the running sync (false when it no longer holds the claim): the
   * retry bookkeeping (the retry is due at `nextRetryTime` while attempts are below
   * `maxRetries`) and the failure streak.
   */
  async failed(
    userId: string,
    platform: Platform,
    syncBatchId: string,
    failure: {
      error: string;
      attempt: number;
      maxRetries: number;
      nextRetryTime: Date;
      consecutiveFailures: number;
      streakStartedBy: string;
    },
  ): Promise<boolean> {
    const { error, attempt, maxRetries, nextRetryTime, consecutiveFailures, streakStartedBy } =
      failure;
    const result = await this.model.updateOne(
      { _id: syncStateId(userId, platform), runningSyncBatchId: syncBatchId },
      {
        $set: {
          lastSyncStatus: 'failed',
          lastSyncAttempt: new Date(),
          lastError: error,
          currentRetryAttempt: attempt,
          nextRetryTime,
          retryDueAt: retryDueAt(attempt, maxRetries, nextRetryTime),
          runningSyncBatchId: null,
          runningSince: null,
          consecutiveFailures,
          failureStreakStartedBy: streakStartedBy,
        },
        $inc: { totalSyncs: 1, failedSyncs: 1 },
      },
    );
    return result.modifiedCount === 1;
  }

  /**
   * Accounts of `platform` whose automatic sync is due, the longest waiting first: a range
   * on the (platform, nextSyncAt) index, never a read of every account.
   */
  due(platform: Platform, now: Date, limit: number): Promise<SyncStateDocument[]> {
    return this.model
      .find({ platform, nextSyncAt: { $lte: now } })
      .sort({ nextSyncAt: 1 })
      .limit(limit)
      .lean<SyncStateDocument[]>();
  }

  /**
   * Gives up a claimed sync that was not run (its platform's circuit is open): due again at
   * `at`, and so is its pending retry.
   */
  async skip(userId: string, platform: Platform, syncBatchId: string, at: Date): Promise<void> {
    const result = await this.model.updateOne(
      { _id: syncStateId(userId, platform), runningSyncBatchId: syncBatchId },
      { $set: { runningSyncBatchId: null, runningSince: null, nextSyncAt: at } },
    );
    if (result.modifiedCount !== 1) return;
    await this.model.updateOne(
      { _id: syncStateId(userId, platform), runningSyncBatchId: null, retryDueAt: { $ne: null } },
      { $set: { retryDueAt: at } },
    );
  }

  /**
   * States of syncable platforms written before automatic syncs existed get a due time
   * (spread over the next interval by the caller's `at`), once, at start.
   */
  async scheduleUnscheduled(platforms: readonly Platform[], at: () => Date): Promise<number> {
    const unscheduled = await this.model
      .find({ platform: { $in: platforms }, nextSyncAt: null }, { _id: 1 })
      .lean<Array<{ _id: string }>>();
    for (const { _id } of unscheduled)
      await this.model.updateOne({ _id, nextSyncAt: null }, { $set: { nextSyncAt: at() } });
    return unscheduled.length;
  }

  /**
   * Failed syncs whose retry is due, the longest waiting first, after `after` (a position in
   * (retryDueAt, _id) order): a range on the (retryDueAt, _id) index, at most `limit`.
   */
  retryDue(now: Date, limit: number, after?: KeysetPosition): Promise<SyncStateDocument[]> {
    const filter: FilterQuery<SyncStateDocument> = {
      retryDueAt: { $lte: now },
      ...(after
        ? afterKeyFilter(
            'retryDueAt',
            { key: new Date(after.key), id: after.id },
            { key: 'asc', id: 'asc' },
          )
        : {}),
    };
    return this.model
      .find(filter)
      .sort({ retryDueAt: 1, _id: 1 })
      .limit(limit)
      .lean<SyncStateDocument[]>();
  }

  /**
   * Failed states written before `retryDueAt` existed get it, `batch` at a time, once at start
   * (after that every failure sets it). Returns how many were filled.
   */
  async fillRetryDue(batch: number): Promise<number> {
    let filled = 0;
    for (;;) {
      const legacy = await this.model
        .find({ lastSyncStatus: 'failed', retryDueAt: { $exists: false } })
        .limit(batch)
        .lean<SyncStateDocument[]>();
      for (const state of legacy) {
        const due = state.nextRetryTime
          ? retryDueAt(state.currentRetryAttempt, state.maxRetries, state.nextRetryTime)
          : null;
        await this.model.updateOne(
          { _id: state._id, retryDueAt: { $exists: false } },
          { $set: { retryDueAt: due } },
        );
      }
      filled += legacy.length;
      if (legacy.length < batch) return filled;
    }
  }

  listForUser(userId: string): Promise<SyncStateDocument[]> {
    return this.model.find({ userId }).lean<SyncStateDocument[]>();
  }

  async remove(userId: string, platform: Platform): Promise<void> {
    await this.model.deleteOne({ _id: syncStateId(userId, platform) });
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
