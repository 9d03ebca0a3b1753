import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { InferenceLogResponse, Page } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { afterIdFilter, AppError, idPage } from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import { INFERENCE_LOG_MODEL, type InferenceLogDocument } from './inference-log.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function toResponse(doc: InferenceLogDocument): InferenceLogResponse {
  return {
    id: doc._id,
    userId: doc.userId,
    operation: doc.operation,
    provider: doc.provider,
    model: doc.model,
    promptTokens: doc.promptTokens,
    completionTokens: doc.completionTokens,
    latencyMs: doc.latencyMs,
    guardrailVerdict: doc.guardrailVerdict,
    fallbackUsed: doc.fallbackUsed,
    fallbackReason: doc.fallbackReason,
    attempts: doc.attempts,
    request: doc.request ?? null,
    response: doc.response ?? null,
    completions: doc.completions ?? null,
    bodiesDroppedAt: doc.bodiesDroppedAt ? doc.bodiesDroppedAt.toISOString() : null,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** The inference log: one document per advisory operation. */
@Injectable()
export class InferenceLogStore {
  constructor(
    @InjectModel(INFERENCE_LOG_MODEL) private readonly model: Model<InferenceLogDocument>,
    private readonly tombstones: UserTombstones,
  ) {}

  /**
   * Stores an entry. Its caller checked that the user is not deleted before doing anything; a
   * deletion that landed since is caught by the check after the insert, which removes the
   * entry again.
   */
  async record(entry: InferenceLogDocument): Promise<void> {
    await this.model.create(entry);
    if (await this.tombstones.isDeleted(entry.userId))
      await this.model.deleteOne({ _id: entry._id });
  }

  /** Newest first; the cursor is the last id handed out. */
  async list(limit: number, cursor?: string): Promise<Page<InferenceLogResponse>> {
    const filter: FilterQuery<InferenceLogDocument> = {};
    if (cursor && !UUID.test(cursor))
      throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
    const docs = await this.model
      .find({ ...filter, ...afterIdFilter(cursor, 'desc') })
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<InferenceLogDocument[]>();
    const page = idPage(docs, limit);
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
  }

  /**
   * Drops the bodies (request, response, raw completions) of entries older than the cutoff,
   * keeping what they cost and how they went; returns how many.
   */
  async dropBodiesBefore(cutoff: Date): Promise<number> {
    const result = await this.model.updateMany(
      { bodiesDropped: false, createdAt: { $lt: cutoff } },
      {
        $set: {
          bodiesDropped: true,
          bodiesDroppedAt: new Date(),
          request: null,
          response: null,
          completions: null,
        },
      },
    );
    return result.modifiedCount;
  }

  async exportUser(userId: string): Promise<InferenceLogResponse[]> {
    const docs = await this.model.find({ userId }).sort({ _id: 1 }).lean<InferenceLogDocument[]>();
    return docs.map(toResponse);
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
