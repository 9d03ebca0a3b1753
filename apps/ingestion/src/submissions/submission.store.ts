import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  EventEnvelope,
  Page,
  Platform,
  SubmissionResponse,
  SubmissionsRpcData,
} from '@prepmate/contracts';
import { BatchOutbox, type BatchHeader, batchEvent } from '@prepmate/messaging';
import {
  AppError,
  afterKeyFilter,
  decodeKeysetCursor,
  encodeKeysetCursor,
  insertNew,
  keysetPage,
  ROOT_LOGGER,
} from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { ImportRecord } from '../domain/import-record';
import { isAttempt } from '../domain/verdicts';
import { SUBMISSION_MODEL, type SubmissionDocument, submissionView } from './submission.schema';

export interface StoreResult {
  inserted: number;
  duplicates: number;
}

/** Documents per insertMany round trip. */
const CHUNK = 1000;

/**
 * The `submissions` collection. Stores submissions in bulk: one unordered insertMany per
 * chunk, the unique index on (userId, platform, platformSubmissionId) turning every re-import
 * into a reported duplicate. The `submission.ingested` events of the attempts are staged in
 * the batch outbox before the insert and committed with the ids that were really stored, so
 * a duplicate publishes nothing. Also the reads of a user's submissions (list, export) and
 * their deletion.
 */
@Injectable()
export class SubmissionStore implements OnModuleInit {
  constructor(
    @InjectModel(SUBMISSION_MODEL) private readonly model: Model<SubmissionDocument>,
    private readonly outbox: BatchOutbox,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'submission-store' });
  }

  private readonly log: Logger;

  /** Before the batch outbox's first sweep (on bootstrap), so a batch left by a crash is found. */
  onModuleInit(): void {
    this.outbox.register(this.model, ingestedEventOf);
  }

  async store(
    userId: string,
    platform: Platform,
    syncBatchId: string,
    records: readonly ImportRecord[],
  ): Promise<StoreResult> {
    const seen = new Set<string>();
    const docs: SubmissionDocument[] = [];
    let duplicates = 0;
    const now = new Date();
    for (const record of records) {
      if (seen.has(record.platformSubmissionId)) {
        duplicates += 1;
        continue;
      }
      seen.add(record.platformSubmissionId);
      const doc = this.document(userId, platform, syncBatchId, record, now);
      docs.push(doc);
    }
    const started = performance.now();
    const staged = await this.outbox.stage(this.model, { syncBatchId });
    const stagedAt = performance.now();
    const stored: SubmissionDocument[] = [];
    try {
      for (let start = 0; start < docs.length; start += CHUNK) {
        const chunk = docs.slice(start, start + CHUNK);
        const rejected = await insertNew(this.model.collection, chunk);
        duplicates += rejected.size;
        chunk.forEach((doc, i) => rejected.has(i) || stored.push(doc));
      }
    } catch (error) {
      this.outbox.abandon(staged);
      throw error;
    }
    const insertedAt = performance.now();
    await this.outbox.commit(staged, stored);
    this.log.info(
      {
        syncBatchId,
        inserted: stored.length,
        duplicates,
        stageMs: Math.round(stagedAt - started),
        insertMs: Math.round(insertedAt - stagedAt),
        commitMs: Math.round(performance.now() - insertedAt),
      },
      'submissions stored',
    );
    return { inserted: stored.length, duplicates };
  }

  /** A user's submissions, newest first, filtered, one page after the cursor. */
  async list(userId: string, query: SubmissionsRpcData): Promise<Page<SubmissionResponse>> {
    const filter: FilterQuery<SubmissionDocument> = { userId };
    if (query.platform) filter.platform = query.platform;
    if (query.verdict) filter.verdict = query.verdict;
    if (query.cursor) {
      const after = decodeKeysetCursor(query.cursor, { integer: true });
      if (!after) throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
      Object.assign(
        filter,
        afterKeyFilter(
          'submittedAt',
          { key: new Date(after.key), id: after.id },
          { key: 'desc', id: 'desc' },
        ),
      );
    }
    const docs = await this.model
      .find(filter)
      .sort({ submittedAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<SubmissionDocument[]>();
    // The cursor of the newest-first list: the last item's time and id.
    const page = keysetPage(docs, query.limit, (last) =>
      encodeKeysetCursor({ key: last.submittedAt.getTime(), id: last._id }),
    );
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
  }

  async exportUser(userId: string): Promise<SubmissionResponse[]> {
    const docs = await this.model
      .find({ userId })
      .sort({ submittedAt: 1 })
      .lean<SubmissionDocument[]>();
    return docs.map(toResponse);
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }

  private document(
    userId: string,
    platform: Platform,
    syncBatchId: string,
    record: ImportRecord,
    now: Date,
  ): SubmissionDocument {
    return {
      _id: uuidv7(),
      eventId: uuidv7(),
      userId,
      platform,
      platformSubmissionId: record.platformSubmissionId,
      problem: record.problem,
      verdict: record.verdict,
      language: record.language,
      submittedAt: record.submittedAt,
      runtimeMs: record.runtimeMs,
      memoryKb: record.memoryKb,
      solveTimeSeconds: record.solveTimeSeconds,
      syncBatchId,
      createdAt: now,
    };
  }
}

function toResponse(doc: SubmissionDocument): SubmissionResponse {
  return { id: doc._id, ...submissionView(doc) };
}

/** The `submission.ingested` event of a stored submission; none for a compilation error. */
export function ingestedEventOf(
  doc: SubmissionDocument,
  header: BatchHeader,
): EventEnvelope<'submission.ingested'> | null {
  if (!isAttempt(doc.verdict)) return null;
  return batchEvent(
    'submission.ingested',
    // verdict again: narrowed above to the verdicts an attempt can have
    { submissionId: doc._id, userId: doc.userId, ...submissionView(doc), verdict: doc.verdict },
    'ingestion',
    doc.eventId,
    header,
  );
}
