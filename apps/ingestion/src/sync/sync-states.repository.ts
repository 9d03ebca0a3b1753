import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Platform, SyncStateResponse } from '@prepmate/contracts';
import type { Model } from 'mongoose';
import type { SyncCursor } from '../domain/sync-policy';
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
    ...(withUser ? { userId: doc.userId } : {}),
  };
}

/** Sync state per (user, platform). Claiming the running sync is one conditional update. */
@Injectable()
export class SyncStatesRepository {
  constructor(@InjectModel(SYNC_STATE_MODEL) readonly model: Model<SyncStateDocument>) {}

  /** Creates the state on first link (keeps an existing one: relinking keeps the cursor). */
  async ensure(userId: string, platform: Platform, maxRetries: number): Promise<void> {
    await this.model.updateOne(
      { _id: syncStateId(userId, platform) },
      { $setOnInsert: { userId, platform, maxRetries } },
      { upsert: true },
    );
  }

  get(userId: string, platform: Platform): Promise<SyncStateDocument | null> {
    return this.model.findOne({ _id: syncStateId(userId, platform) }).lean<SyncStateDocument>();
  }

  /**
   * Marks `syncBatchId` as the running sync unless another one runs (a running sync older
   * than `staleBefore` counts as dead). A manual sync restarts the retry cycle.
   */
  async claim(
    userId: string,
    platform: Platform,
    syncBatchId: string,
    staleBefore: Date,
    manual: boolean,
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
          ...(manual ? { currentRetryAttempt: 0 } : {}),
        },
      },
    );
    return result.modifiedCount === 1;
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
          currentRetryAttempt: 0,
          lastError: null,
          runningSyncBatchId: null,
          runningSince: null,
        },
        $inc: { totalSyncs: 1, successfulSyncs: 1 },
      },
    );
  }

  async failed(
    userId: string,
    platform: Platform,
    syncBatchId: string,
    error: string,
    attempt: number,
    nextRetryTime: Date,
  ): Promise<void> {
    await this.model.updateOne(
      { _id: syncStateId(userId, platform), runningSyncBatchId: syncBatchId },
      {
        $set: {
          lastSyncStatus: 'failed',
          lastSyncAttempt: new Date(),
          lastError: error,
          currentRetryAttempt: attempt,
          nextRetryTime,
          runningSyncBatchId: null,
          runningSince: null,
        },
        $inc: { totalSyncs: 1, failedSyncs: 1 },
      },
    );
  }

  /** Failed states (the scheduler filters what is due in code: one equality query). */
  failedStates(): Promise<SyncStateDocument[]> {
    return this.model.find({ lastSyncStatus: 'failed' }).lean<SyncStateDocument[]>();
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
