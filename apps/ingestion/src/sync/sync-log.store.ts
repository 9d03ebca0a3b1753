import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Page, Platform, SyncLogResponse } from '@prepmate/contracts';
import type { FilterQuery, Model } from 'mongoose';
import { afterIdFilter, idPage } from '@prepmate/platform';
import type { Rejection } from '../domain/import-record';
import { MAX_LOGGED_ERRORS, SYNC_LOG_MODEL, type SyncLogDocument } from './sync-log.schema';

export interface SyncLogCounts {
  recordsFetched: number;
  recordsProcessed: number;
  recordsInserted: number;
  recordsDuplicate: number;
  recordsFailed: number;
  errors: Rejection[];
}

export function toSyncLogResponse(doc: SyncLogDocument): SyncLogResponse {
  return {
    syncBatchId: doc._id,
    platform: doc.platform,
    source: doc.source,
    status: doc.status,
    startTime: doc.startTime.toISOString(),
    endTime: doc.endTime?.toISOString() ?? null,
    durationMs: doc.durationMs,
    recordsFetched: doc.recordsFetched,
    recordsProcessed: doc.recordsProcessed,
    recordsInserted: doc.recordsInserted,
    recordsDuplicate: doc.recordsDuplicate,
    recordsFailed: doc.recordsFailed,
    throughputRecordsPerSecond: doc.throughputRecordsPerSecond,
    errors: doc.errors,
    failureReason: doc.failureReason,
  };
}

/** One log per import or sync run, with its timings, counts and per-record errors. */
@Injectable()
export class SyncLogStore {
  constructor(@InjectModel(SYNC_LOG_MODEL) private readonly model: Model<SyncLogDocument>) {}

  /** The finished log of a run in one write (imports) or the completion of a started one. */
  async finish(
    base: Pick<SyncLogDocument, '_id' | 'userId' | 'platform' | 'source' | 'startTime'>,
    counts: SyncLogCounts | null,
    failureReason: string | null = null,
  ): Promise<SyncLogDocument> {
    const endTime = new Date();
    const durationMs = endTime.getTime() - base.startTime.getTime();
    const processed = counts?.recordsProcessed ?? 0;
    const status = failureReason
      ? 'failed'
      : counts && counts.recordsFailed > 0
        ? 'partial'
        : 'succeeded';
    const doc: SyncLogDocument = {
      ...base,
      status,
      endTime,
      durationMs,
      recordsFetched: counts?.recordsFetched ?? 0,
      recordsProcessed: processed,
      recordsInserted: counts?.recordsInserted ?? 0,
      recordsDuplicate: counts?.recordsDuplicate ?? 0,
      recordsFailed: counts?.recordsFailed ?? 0,
      throughputRecordsPerSecond:
        processed > 0 ? Math.round((processed / Math.max(durationMs, 1)) * 1000 * 10) / 10 : null,
      errors: (counts?.errors ?? []).slice(0, MAX_LOGGED_ERRORS),
      failureReason,
    };
    await this.model.replaceOne({ _id: base._id }, doc, { upsert: true });
    return doc;
  }

  /**
   * Marks the run as started. A job run again after its worker died (kill -9, the job
   * stalled) has the same batch id: its log starts over instead of failing on the key.
   */
  async start(
    base: Pick<SyncLogDocument, '_id' | 'userId' | 'platform' | 'source' | 'startTime'>,
  ): Promise<void> {
    await this.model.replaceOne(
      { _id: base._id },
      { ...base, status: 'running' },
      { upsert: true },
    );
  }

  findOne(userId: string, syncBatchId: string): Promise<SyncLogDocument | null> {
    return this.model.findOne({ _id: syncBatchId, userId }).lean<SyncLogDocument>();
  }

  /** Newest first; ids are UUID v7, so time-ordered. */
  async list(
    userId: string,
    platform: Platform | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<SyncLogResponse>> {
    const filter: FilterQuery<SyncLogDocument> = { userId };
    if (platform) filter.platform = platform;
    const docs = await this.model
      .find({ ...filter, ...afterIdFilter(cursor, 'desc') })
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<SyncLogDocument[]>();
    const page = idPage(docs, limit);
    return { items: page.items.map(toSyncLogResponse), nextCursor: page.nextCursor };
  }

  async exportUser(userId: string): Promise<SyncLogResponse[]> {
    const docs = await this.model.find({ userId }).sort({ _id: 1 }).lean<SyncLogDocument[]>();
    return docs.map(toSyncLogResponse);
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
