import type { Page } from '@prepmate/contracts';

/**
 * Keyset pagination over MongoDB: a page is read with `limit + 1` documents in a fixed order
 * (the extra one tells that more follow), and the next page starts after the last document
 * shown — by `_id` alone, or by a sort key and then `_id` (docs/product.md#cross-cutting-rules).
 */

export type KeysetOrder = 'asc' | 'desc';

const after = (order: KeysetOrder) => (order === 'asc' ? '$gt' : '$lt');

/** The documents after the id `cursor` in `_id` order; no condition without a cursor. */
export function afterIdFilter(
  cursor: string | undefined,
  order: KeysetOrder,
): { _id?: Record<string, string> } {
  return cursor ? { _id: { [after(order)]: cursor } } : {};
}

/**
 * The documents after (`key`, `id`) in the order of `field`, then `_id`: a later key, or the
 * same key and a later id.
 */
export function afterKeyFilter(
  field: string,
  position: { key: unknown; id: string },
  order: { key: KeysetOrder; id: KeysetOrder },
): { $or: Array<Record<string, unknown>> } {
  return {
    $or: [
      { [field]: { [after(order.key)]: position.key } },
      { [field]: position.key, _id: { [after(order.id)]: position.id } },
    ],
  };
}

/**
 * The page of `docs` (read with `limit + 1`): the first `limit`, and the cursor of the last
 * one when more follow.
 */
export function keysetPage<T>(docs: T[], limit: number, cursorOf: (last: T) => string): Page<T> {
  const items = docs.slice(0, limit);
  return {
    items,
    nextCursor: docs.length > limit ? cursorOf(items[items.length - 1]) : null,
  };
}

/** `keysetPage` of a list in `_id` order: the cursor is the last id. */
export function idPage<T extends { _id: string }>(docs: T[], limit: number): Page<T> {
  return keysetPage(docs, limit, (last) => last._id);
}
