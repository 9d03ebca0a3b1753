/** docs/product.md#ingestion: the sync cursor and the failure backoff, as plain functions. */

export interface SyncCursor {
  /** Numeric platform submission id (as a string) of the newest submission synced. */
  submissionId: string | null;
  timestamp: Date | null;
}

/** What a fetched submission needs for the cursor: its id, time and whether it is final. */
export interface CursorItem {
  submissionId: string;
  submittedAt: Date;
  final: boolean;
}

function newer(a: string, b: string | null): boolean {
  if (b === null) return true;
  return BigInt(a) > BigInt(b);
}

/** Submissions newer than the cursor (by numeric id; platforms number them in time order). */
export function isNewerThanCursor(item: { submissionId: string }, cursor: SyncCursor): boolean {
  return newer(item.submissionId, cursor.submissionId);
}

/**
 * The cursor after storing `items` (everything fetched that is newer than the cursor): the
 * newest final submission older than the oldest one still being judged, so a submission in
 * TESTING is read again next time. Items may come in any order.
 */
export function advanceCursor(cursor: SyncCursor, items: readonly CursorItem[]): SyncCursor {
  const fresh = items.filter((item) => isNewerThanCursor(item, cursor));
  const pending = fresh.filter((item) => !item.final);
  const oldestPending = pending.reduce<string | null>(
    (oldest, item) =>
      oldest === null || BigInt(item.submissionId) < BigInt(oldest) ? item.submissionId : oldest,
    null,
  );
  let next = cursor;
  for (const item of fresh) {
    if (!item.final) continue;
    if (oldestPending !== null && BigInt(item.submissionId) > BigInt(oldestPending)) continue;
    if (newer(item.submissionId, next.submissionId))
      next = { submissionId: item.submissionId, timestamp: item.submittedAt };
  }
  return next;
}

export const MAX_BACKOFF_MS = 24 * 3600 * 1000;

/** Delay before retry number `attempt` (1-based): 2^attempt × base (a minute), at most 24 h. */
export function retryDelayMs(attempt: number, baseMs = 60_000): number {
  return Math.min(2 ** attempt * baseMs, MAX_BACKOFF_MS);
}

/**
 * When the scheduler retries a sync that just failed for the `attempt`-th time: at
 * `nextRetryTime` while retries are left, never after the last one (then only a manual sync
 * runs again). Stored as `sync_states.retryDueAt`, the key of the bounded retry scan.
 */
export function retryDueAt(attempt: number, maxRetries: number, nextRetryTime: Date): Date | null {
  return attempt < maxRetries ? nextRetryTime : null;
}
