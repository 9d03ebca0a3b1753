import type { Platform } from '@prepmate/contracts';
import { Schema } from 'mongoose';
import type { Rejection } from '../domain/import-record';

export type SyncLogStatus = 'running' | 'succeeded' | 'partial' | 'failed';

/** One import or sync run (docs/product.md#ingestion). */
export interface SyncLogDocument {
  _id: string;
  userId: string;
  platform: Platform;
  source: 'import' | 'sync';
  status: SyncLogStatus;
  startTime: Date;
  endTime: Date | null;
  durationMs: number | null;
  recordsFetched: number;
  recordsProcessed: number;
  recordsInserted: number;
  recordsDuplicate: number;
  recordsFailed: number;
  throughputRecordsPerSecond: number | null;
  /** The first MAX_LOGGED_ERRORS rejections (recordsFailed has the full count). */
  errors: Rejection[];
  failureReason: string | null;
}

export const MAX_LOGGED_ERRORS = 1000;

export const SYNC_LOG_MODEL = 'SyncLog';

export const SyncLogSchema = new Schema<SyncLogDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    platform: { type: String, required: true },
    source: { type: String, required: true },
    status: { type: String, required: true },
    startTime: { type: Date, required: true },
    endTime: { type: Date, default: null },
    durationMs: { type: Number, default: null },
    recordsFetched: { type: Number, default: 0 },
    recordsProcessed: { type: Number, default: 0 },
    recordsInserted: { type: Number, default: 0 },
    recordsDuplicate: { type: Number, default: 0 },
    recordsFailed: { type: Number, default: 0 },
    throughputRecordsPerSecond: { type: Number, default: null },
    errors: { type: Schema.Types.Mixed, default: [] },
    failureReason: { type: String, default: null },
  },
  // `errors` is the name the REST API gives the field; the document is never a mongoose Document.
  { collection: 'sync_logs', versionKey: false, suppressReservedKeysWarning: true },
);
SyncLogSchema.index({ userId: 1, startTime: -1 });
