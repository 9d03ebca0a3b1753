import type { Platform, SyncStatus } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/** Sync state per (user, platform): the cursor, the retry bookkeeping and the running sync. */
export interface SyncStateDocument {
  /** `${userId}:${platform}` */
  _id: string;
  userId: string;
  platform: Platform;
  lastSyncedSubmissionId: string | null;
  lastSyncedTimestamp: Date | null;
  lastSyncStatus: SyncStatus;
  lastSyncAttempt: Date | null;
  nextRetryTime: Date | null;
  currentRetryAttempt: number;
  maxRetries: number;
  totalSyncs: number;
  successfulSyncs: number;
  failedSyncs: number;
  lastError: string | null;
  /** The sync batch running now (at most one per user and platform), or null. */
  runningSyncBatchId: string | null;
  runningSince: Date | null;
  /** When the automatic sync is due (null: a platform PrepMate cannot sync from its API). */
  nextSyncAt: Date | null;
  /**
   * When the scheduler retries this failed sync (null: no retry pending, or none left). A
   * started sync holds it off for SYNC_STALE_AFTER_MS; its result sets it again.
   * Absent on states written before it existed (filled once at start).
   */
  retryDueAt?: Date | null;
  /** Failed syncs since the last success (any trigger); a success resets it. */
  consecutiveFailures: number;
  /** The sync batch that started the current failure streak (names its alert), or null. */
  failureStreakStartedBy: string | null;
}

export const SYNC_STATE_MODEL = 'SyncState';

export const SyncStateSchema = new Schema<SyncStateDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    platform: { type: String, required: true },
    lastSyncedSubmissionId: { type: String, default: null },
    lastSyncedTimestamp: { type: Date, default: null },
    lastSyncStatus: { type: String, default: 'never' },
    lastSyncAttempt: { type: Date, default: null },
    nextRetryTime: { type: Date, default: null },
    currentRetryAttempt: { type: Number, default: 0 },
    maxRetries: { type: Number, default: 5 },
    totalSyncs: { type: Number, default: 0 },
    successfulSyncs: { type: Number, default: 0 },
    failedSyncs: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    runningSyncBatchId: { type: String, default: null },
    runningSince: { type: Date, default: null },
    nextSyncAt: { type: Date, default: null },
    retryDueAt: { type: Date, default: null },
    consecutiveFailures: { type: Number, default: 0 },
    failureStreakStartedBy: { type: String, default: null },
  },
  { collection: 'sync_states', versionKey: false },
);
SyncStateSchema.index({ userId: 1 });
// The retry scan and the admin's retry-ready list: a range of due retries, in (time, id)
// order (docs/product.md#ingestion), never a read of every failed state.
SyncStateSchema.index({ retryDueAt: 1, _id: 1 });
// The automatic scan reads due accounts of one platform by this index, never every account.
SyncStateSchema.index({ platform: 1, nextSyncAt: 1 });
