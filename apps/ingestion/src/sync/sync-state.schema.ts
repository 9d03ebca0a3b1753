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
  },
  { collection: 'sync_states', versionKey: false },
);
SyncStateSchema.index({ userId: 1 });
SyncStateSchema.index({ lastSyncStatus: 1 });
