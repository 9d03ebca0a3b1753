import { Injectable } from '@nestjs/common';
import type { Page, PageRpcData, UnmappedTagResponse } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { UnmappedTagStore } from './unmapped-tag.store';

/** Admin review: platform tags no alias maps to a topic, with how often they were seen. */
@Injectable()
export class UnmappedTagsService {
  constructor(private readonly store: UnmappedTagStore) {}

  /**
   * Most frequent first (then by platform and tag), read from the counts: a page reads what it
   * shows (the cursor is the offset of the next page).
   */
  async list({ limit, cursor }: PageRpcData): Promise<Page<UnmappedTagResponse>> {
    const start = cursor ? Number(cursor) : 0;
    if (!Number.isSafeInteger(start) || start < 0)
      throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
    const docs = await this.store.page(start, limit);
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
