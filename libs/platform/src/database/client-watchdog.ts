/**
 * The decision of the database client watchdog (DatabaseWatchdog) as a pure function: when the
 * database has answered a fresh client for `rebuildAfterMs` while ours still cannot reach it,
 * our client is wedged and is rebuilt (docs/reliability.md "A wedged database client"). An
 * outage that every client sees is not our client's fault: the watchdog waits it out.
 */
export interface WatchdogState {
  /** Since when (ms) the database answers a fresh client but not ours; null otherwise. */
  wedgedSince: number | null;
}

export interface WatchdogStep {
  rebuild: boolean;
  state: WatchdogState;
}

export function watchdogStep(
  state: WatchdogState,
  answers: { ours: boolean; fresh: boolean },
  now: number,
  rebuildAfterMs: number,
): WatchdogStep {
  if (answers.ours || !answers.fresh) return { rebuild: false, state: { wedgedSince: null } };
  const wedgedSince = state.wedgedSince ?? now;
  const rebuild = now - wedgedSince >= rebuildAfterMs;
  return { rebuild, state: { wedgedSince: rebuild ? null : wedgedSince } };
}
