import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Platform } from '@prepmate/contracts';
import { insertNew } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import {
  POSSIBLE_DUPLICATE_MODEL,
  type PossibleDuplicateDocument,
  UNMAPPED_TAG_MODEL,
  type UnmappedTagDocument,
} from './review.schemas';

/** What normalization leaves for admins to review: possible duplicates and unmapped tags. */
@Injectable()
export class ReviewLog {
  constructor(
    @InjectModel(POSSIBLE_DUPLICATE_MODEL) readonly duplicates: Model<PossibleDuplicateDocument>,
    @InjectModel(UNMAPPED_TAG_MODEL) readonly unmapped: Model<UnmappedTagDocument>,
  ) {}

  async possibleDuplicates(
    entries: Array<{ problemId: string; candidateId: string; confidence: number }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    const now = new Date();
    await this.duplicates.insertMany(
      entries.map((entry) => ({ _id: uuidv7(), ...entry, createdAt: now })),
      { ordered: false },
    );
  }

  /** Records each unmapped tag once per platform problem that carries it. */
  async unmappedTags(
    entries: Array<{ platform: Platform; platformProblemId: string; tags: string[] }>,
  ): Promise<void> {
    const seenAt = new Date();
    await insertNew(
      this.unmapped.collection,
      entries.flatMap(({ platform, platformProblemId, tags }) =>
        tags.map((tag) => ({
          _id: `${platform}:${tag}:${platformProblemId}`,
          platform,
          tag,
          platformProblemId,
          seenAt,
        })),
      ),
    );
  }
}
