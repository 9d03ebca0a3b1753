import type { KeysetCursorFormat } from '@prepmate/platform';

/** Cursors of the newest-first lists (posts, messages, conversations): a time in ms, then the id. */
export const TIME_CURSOR: KeysetCursorFormat = { tag: 't', integer: true };

/** Cursors of the pairs, highest score first: the score, then the pair id. */
export const SCORE_CURSOR: KeysetCursorFormat = { tag: 's' };
