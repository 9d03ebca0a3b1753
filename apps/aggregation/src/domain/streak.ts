import { addDays, daysBetween, monthOf } from './local-time';

/** Streak freezes a learner has per calendar month (docs/product.md#daily-streak). */
export const FREEZES_PER_MONTH = 2;
/** How many days `recentDays` shows, ending today. */
export const RECENT_DAYS = 14;

export type DayStatus = 'counted' | 'frozen' | 'missed' | 'today_pending';

export interface StreakState {
  /** Counted days of the streak running now (frozen days keep it alive, do not add). */
  current: number;
  longest: number;
  todayCounted: boolean;
  /** Freezes still available in today's month. */
  freezesLeft: number;
  /** Every day a freeze covered (including yesterday's, when it keeps today's streak alive). */
  frozenDays: string[];
  recentDays: Array<{ date: string; status: DayStatus }>;
}

/**
 * A learner's daily streak from the local days that counted (an accepted submission or a
 * verified task fell on them), as of `today`. Pure, so the stored streak is always this
 * function of the stored days:
 * - consecutive counted days form a run; its length is the number of counted days in it;
 * - a single missed day between two counted days is covered by a freeze when the missed
 *   day's month has one left (2 a month, used in date order): the run goes on;
 * - yesterday missed and today not over yet: a freeze covers yesterday if one is left, so
 *   the streak is still alive today (if today ends without activity too, the gap is two
 *   days, no freeze applies and the freeze is not spent);
 * - the current streak is the run that ends today, or yesterday (today can still count),
 *   or the day before yesterday with yesterday frozen; else 0.
 */
export function streakOf(countedDays: readonly string[], today: string): StreakState {
  const days = [...new Set(countedDays)].filter((day) => day <= today).sort();
  const counted = new Set(days);
  const used = new Map<string, number>();
  const frozen: string[] = [];
  const tryFreeze = (day: string): boolean => {
    const month = monthOf(day);
    const spent = used.get(month) ?? 0;
    if (spent >= FREEZES_PER_MONTH) return false;
    used.set(month, spent + 1);
    frozen.push(day);
    return true;
  };

  let run = 0;
  let longest = 0;
  let previous: string | null = null;
  for (const day of days) {
    if (previous === null) run = 1;
    else {
      const gap = daysBetween(previous, day) - 1;
      if (gap === 0) run += 1;
      else if (gap === 1 && tryFreeze(addDays(previous, 1))) run += 1;
      else run = 1;
    }
    longest = Math.max(longest, run);
    previous = day;
  }

  let current = 0;
  if (previous !== null) {
    const sinceLast = daysBetween(previous, today);
    if (sinceLast <= 1) current = run;
    else if (sinceLast === 2 && tryFreeze(addDays(today, -1))) current = run;
  }

  const frozenSet = new Set(frozen);
  const todayCounted = counted.has(today);
  const recentDays = Array.from({ length: RECENT_DAYS }, (_, index) => {
    const date = addDays(today, index - RECENT_DAYS + 1);
    const status: DayStatus = counted.has(date)
      ? 'counted'
      : frozenSet.has(date)
        ? 'frozen'
        : date === today
          ? 'today_pending'
          : 'missed';
    return { date, status };
  });
  return {
    current,
    longest,
    todayCounted,
    freezesLeft: FREEZES_PER_MONTH - (used.get(monthOf(today)) ?? 0),
    frozenDays: frozen,
    recentDays,
  };
}

/** Whether a learner should hear "your streak is at risk" now: a streak running, today not counted. */
export function streakAtRisk(state: StreakState): boolean {
  return state.current > 0 && !state.todayCounted;
}
