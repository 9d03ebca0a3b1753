import { CONSISTENCY_WINDOW_DAYS } from './synergy-score';

const DAY_MS = 86_400_000;

/** The UTC day of an instant, `YYYY-MM-DD` (what a scratch event stores for the consistency factor). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The first instant counted by the consistency window: the start of the UTC day 29 days before today. */
export function consistencyWindowStart(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (CONSISTENCY_WINDOW_DAYS - 1) * DAY_MS);
}

/** Distinct UTC days among these scratch days that fall in the window ending today. */
export function interactionDays(days: Iterable<string>, now: Date): number {
  const first = utcDay(consistencyWindowStart(now));
  const last = utcDay(now);
  const inWindow = new Set<string>();
  for (const day of days) if (day >= first && day <= last) inWindow.add(day);
  return inWindow.size;
}
