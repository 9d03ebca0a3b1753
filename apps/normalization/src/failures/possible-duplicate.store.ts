import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { afterIdFilter } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { POSSIBLE_DUPLICATE_MODEL, type PossibleDuplicateDocument } from './review.schemas';

/** New canonical problems that resemble an existing one, for admins to review. */
@Injectable()
export class PossibleDuplicateStore {
  constructor(
    @InjectModel(POSSIBLE_DUPLICATE_MODEL)
    private readonly model: Model<PossibleDuplicateDocument>,
  ) {}

  async insert(
    entries: Array<{ problemId: string; candidateId: string; confidence: number }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    const now = new Date();
    await this.model.insertMany(
      entries.map((entry) => ({ _id: uuidv7(), ...entry, createdAt: now })),
      { ordered: false },
    );
  }

  /** By id, after the cursor; `limit + 1` of them so the caller knows whether more follow. */
  page(cursor: string | undefined, limit: number): Promise<PossibleDuplicateDocument[]> {
    return this.model
      .find(afterIdFilter(cursor, 'asc'))
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<PossibleDuplicateDocument[]>();
  }
}
