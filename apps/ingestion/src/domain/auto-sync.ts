/** docs/product.md#automatic-sync: when a linked account syncs next and when its owner is told. */

/**
 * The delay before the next automatic sync: the interval spread by ±`jitterRatio` of itself,
 * so accounts linked together do not all sync at the same moment. `random` is in [0, 1).
 */
export function jitteredDelayMs(intervalMs: number, jitterRatio: number, random: number): number {
  const spread = Math.min(Math.max(jitterRatio, 0), 1);
  const factor = 1 + spread * (2 * Math.min(Math.max(random, 0), 1) - 1);
  return Math.max(0, Math.round(intervalMs * factor));
}

/** When the automatic sync after a sync claimed at `from` is due. */
export function nextAutoSyncAt(
  from: Date,
  intervalMs: number,
  jitterRatio: number,
  random: number,
): Date {
  return new Date(from.getTime() + jitteredDelayMs(intervalMs, jitterRatio, random));
}

export interface NextRunState {
  nextSyncAt: Date | null;
  lastSyncStatus: string;
  nextRetryTime: Date | null;
  currentRetryAttempt: number;
  maxRetries: number;
}

/**
 * The next run of an account's sync: the earlier of its automatic sync and a pending retry
 * (a failed sync with retries left), or null when neither is planned.
 */
export function nextRunAt(state: NextRunState): Date | null {
  const retry =
    state.lastSyncStatus === 'failed' &&
    state.nextRetryTime !== null &&
    state.currentRetryAttempt < state.maxRetries
      ? state.nextRetryTime
      : null;
  const candidates = [state.nextSyncAt, retry].filter((date): date is Date => date !== null);
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((date) => date.getTime())));
}

/**
 * Whether a failure streak of this length is to be announced (`sync.failing`). Every failure
 * from the threshold on asks; the alert's id names the streak, so it is published once (a
 * failure whose announcement was lost is made good by the next one).
 */
export function isFailing(consecutiveFailures: number, threshold: number): boolean {
  return consecutiveFailures >= threshold;
}
