import { Injectable } from '@nestjs/common';
import type { Page, PageRpcData, UnmappedTagResponse } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { ReviewLog } from './unmapped-tag.store';
import type { UnmappedTagDocument } from './review.schemas';

/** Admin review: platform tags no alias maps to a topic, with how often they were seen. */
@Injectable()
export class UnmappedTagsService {
  constructor(private readonly review: ReviewLog) {}

  /**
   * Most frequent first (then by platform and tag), read from the counts: a page reads what it
   * shows (the cursor is the offset of the next page).
   */
  async list({ limit, cursor }: PageRpcData): Promise<Page<UnmappedTagResponse>> {
    const start = cursor ? Number(cursor) : 0;
    if (!Number.isSafeInteger(start) || start < 0)
      throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
    const docs = await this.review.unmapped
      .find()
      .sort({ count: -1, _id: 1 })
      .skip(start)
      .limit(limit + 1)
      .lean<UnmappedTagDocument[]>();
    const page = docs.slice(0, limit);
    return {
      items: page.map(({ platform, tag, count, lastSeen }) => ({
        platform,
        tag,
        count,
        lastSeen: lastSeen.toISOString(),
      })),
      nextCursor: docs.length > limit ? String(start + limit) : null,
    };
  }
}
