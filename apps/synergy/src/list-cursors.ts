import {
  AppError,
  decodeKeysetCursor,
  type KeysetCursorFormat,
  type KeysetPosition,
} from '@prepmate/platform';

/** Cursors of the newest-first lists (posts, messages, conversations): a time in ms, then the id. */
export const TIME_CURSOR: KeysetCursorFormat = { tag: 't', integer: true };

/** Cursors of the pairs, highest score first: the score, then the pair id. */
export const SCORE_CURSOR: KeysetCursorFormat = { tag: 's' };

/** Where the page asked for starts: none for the first page, 400 for a cursor not of this list. */
export function listPosition(
  cursor: string | undefined,
  format: KeysetCursorFormat,
): KeysetPosition | null {
  if (!cursor) return null;
  const position = decodeKeysetCursor(cursor, format);
  if (!position) throw AppError.validation([{ field: 'cursor', message: 'invalid cursor' }]);
  return position;
}
