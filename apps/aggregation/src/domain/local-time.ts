/**
 * Local days and times in a learner's IANA time zone, for streaks, weekly goals and
 * reminders (docs/product.md#goals-and-streaks). Dates are `YYYY-MM-DD` strings; all
 * arithmetic on them is calendar arithmetic (UTC-based), so it never crosses a DST change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows this IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A zone that is not known falls back to UTC (a profile is validated when it is set). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : 'UTC';
}

export interface LocalParts {
  date: string;
  hour: number;
  minute: number;
}

/** The wall clock in `timeZone` at the instant `at` (epoch ms). */
export function localParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The learner's calendar day (YYYY-MM-DD) at the instant `at`. */
export function localDate(at: number, timeZone: string): string {
  return localParts(at, timeZone).date;
}

function dateToUtcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateToUtcMs(b) - dateToUtcMs(a)) / 86_400_000);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(dateToUtcMs(date)).getUTCDay() + 6) % 7;
}

/** The Monday that starts the week of `date` (weeks start on Monday). */
export function weekStartOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** The calendar month (YYYY-MM) of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Offset of `timeZone` from UTC at the instant `at`, in ms (local = utc + offset). */
function offsetAt(at: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` shows `hour:00` on `date`. A time skipped by a
 * DST change (spring forward) maps to the first instant after the gap; a time shown twice
 * (fall back) maps to its first occurrence.
 */
export function instantOf(date: string, hour: number, timeZone: string): number {
  const wall = dateToUtcMs(date) + hour * 3_600_000;
  // The offsets in effect half a day either side cover any one transition near this time.
  const raw = [
    wall - offsetAt(wall - 43_200_000, timeZone),
    wall - offsetAt(wall + 43_200_000, timeZone),
  ];
  const shown = raw.filter((at) => {
    const parts = localParts(at, timeZone);
    return parts.date === date && parts.hour === hour;
  });
  if (shown.length > 0) return Math.min(...shown);
  // Skipped by a spring-forward gap: the first instant after it.
  return Math.max(...raw);
}

/**
 * The first instant strictly after `now` at which the local clock in `timeZone` shows one
 * of `hours` (whole hours, 0–23) — the next reminder check of a learner.
 */
export function nextLocalHour(now: number, timeZone: string, hours: readonly number[]): number {
  const today = localDate(now, timeZone);
  let best = Number.POSITIVE_INFINITY;
  for (let day = -1; day <= 2; day += 1)
    for (const hour of hours) {
      const at = instantOf(addDays(today, day), hour, timeZone);
      if (at > now && at < best) best = at;
    }
  return best;
}
