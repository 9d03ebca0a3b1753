import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AdviceResponse } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import { ADVICE_MODEL, type AdviceDocument } from './advice.schema';
import { isDuplicateKeyError } from '@prepmate/platform';

function toResponse({
  _id,
  sourceAt: _sourceAt,
  computedAt,
  ...advice
}: AdviceDocument): AdviceResponse {
  return { ...advice, computedAt: computedAt.toISOString() };
}

/** The latest advice per user. */
@Injectable()
export class AdviceStore {
  constructor(
    @InjectModel(ADVICE_MODEL) private readonly model: Model<AdviceDocument>,
    private readonly tombstones: UserTombstones,
  ) {}

  async get(userId: string): Promise<AdviceResponse | null> {
    const doc = await this.model.findById(userId).lean<AdviceDocument | null>();
    return doc && toResponse(doc);
  }

  /**
   * Stores the advice unless a newer source is already stored (the filter's `sourceAt` compare;
   * an existing newer document makes the upsert's insert a duplicate key, i.e. stale). The
   * caller checked the user is not deleted; a deletion since is caught by the check after
   * the write, which removes it again. Returns whether it was stored.
   */
  async save(userId: string, advice: AdviceResponse, sourceAt: Date): Promise<boolean> {
    try {
      await this.model.updateOne(
        { _id: userId, sourceAt: { $lt: sourceAt } },
        { $set: { ...advice, computedAt: new Date(advice.computedAt), sourceAt } },
        { upsert: true },
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    if (await this.tombstones.isDeleted(userId)) {
      await this.model.deleteOne({ _id: userId });
      return false;
    }
    return true;
  }

  async exportUser(userId: string): Promise<AdviceResponse | null> {
    return this.get(userId);
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteOne({ _id: userId })).deletedCount;
  }
}
