import type { Page } from '@prepmate/contracts';
import { AppError } from '../errors/app-error';

/**
 * One page of a list already sorted in memory, with an offset cursor (the next page's start;
 * opaque to clients). A cursor that is not an offset is bad input.
 */
export function offsetPage<T>(
  all: readonly T[],
  { limit, cursor }: { limit: number; cursor?: string },
): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0)
    throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
  return {
    items: all.slice(start, start + limit),
    nextCursor: start + limit < all.length ? String(start + limit) : null,
  };
}
