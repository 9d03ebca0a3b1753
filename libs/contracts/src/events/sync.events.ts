import type { Platform } from './submission.events';

/**
 * A linked account's automatic sync failed several times in a row (ingestion): published
 * when the count of consecutive failures reaches the threshold (3), once per streak of
 * failures; the next success resets it.
 */
export interface SyncFailingPayload {
  userId: string;
  platform: Platform;
  consecutiveFailures: number;
  lastError: string;
  failedAt: string;
}
