import type { Platform } from '@prepmate/contracts';
import { outboxPlugin, type OutboxFields } from '@prepmate/messaging';
import { Schema } from 'mongoose';

/**
 * One announced failure streak of a linked account: written once (its `_id` names the
 * streak) with its `sync.failing` event in the outbox fields, so a streak is announced once
 * whatever retries and replicas do.
 */
export interface SyncFailureAlertDocument extends OutboxFields {
  /** `${userId}:${platform}:${syncBatchId that started the streak}` */
  _id: string;
  userId: string;
  platform: Platform;
  consecutiveFailures: number;
  lastError: string;
  createdAt: Date;
}

export const SYNC_FAILURE_ALERT_MODEL = 'SyncFailureAlert';

export const SyncFailureAlertSchema = new Schema<SyncFailureAlertDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    platform: { type: String, required: true },
    consecutiveFailures: { type: Number, required: true },
    lastError: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'sync_failure_alerts', versionKey: false },
);
SyncFailureAlertSchema.index({ userId: 1 });
SyncFailureAlertSchema.plugin(outboxPlugin);
