/**
 * Opaque cursors of keyset-paginated lists: the sort key of the last item shown and its id,
 * base64url (`key|id`, or `tag|key|id` for lists that name their kind of key). A cursor that
 * does not decode is bad input; the caller names the `cursor` field.
 */

/** Where a page ended: the last item's sort key (a time in ms, a score) and its id. */
export interface KeysetPosition {
  key: number;
  id: string;
}

export interface KeysetCursorFormat {
  /** Names the kind of key, first in the cursor (a cursor of another list does not decode). */
  tag?: string;
  /** The key is a non-negative integer (a time in ms); else any finite number. */
  integer?: boolean;
}

/** Ids are UUIDs or `a:b` keys: anything longer is not one of ours. */
const MAX_ID_LENGTH = 200;

export function encodeKeysetCursor(
  position: KeysetPosition,
  { tag }: KeysetCursorFormat = {},
): string {
  const text = `${position.key}|${position.id}`;
  return Buffer.from(tag ? `${tag}|${text}` : text).toString('base64url');
}

/** The position a cursor names, or null for anything that is not a cursor of this format. */
export function decodeKeysetCursor(
  cursor: string,
  { tag, integer = false }: KeysetCursorFormat = {},
): KeysetPosition | null {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (tag !== undefined && parts.shift() !== tag) return null;
  if (parts.length !== 2) return null;
  const [keyText, id] = parts;
  const key = Number(keyText);
  if (keyText.trim() === '' || !Number.isFinite(key)) return null;
  if (integer && (!Number.isSafeInteger(key) || key < 0)) return null;
  if (id === '' || id.length > MAX_ID_LENGTH) return null;
  return { key, id };
}
