/** Offset of `timeZone` from UTC at `at`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time of a local date happens in `timeZone`. */
function instantOf(
  local: { year: number; month: number; day: number; hour: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour);
  // The offset at the guess may differ from the one at the answer across a DST change:
  // a second pass settles it. A wall time inside a spring-forward gap does not exist; the
  // first pass's instant (an hour later on the wall clock) is kept then.
  const first = new Date(wall - zoneOffsetMs(new Date(wall), timeZone));
  const second = new Date(wall - zoneOffsetMs(first, timeZone));
  const secondWallHour = new Date(second.getTime() + zoneOffsetMs(second, timeZone)).getUTCHours();
  return secondWallHour === local.hour ? second : first;
}

/**
 * When the next morning digest is due: `hour`:00 in the learner's time zone, the first such
 * instant strictly after `now` (today's if the hour has not come yet, else tomorrow's).
 * docs/product.md, "Notifications".
 */
export function nextDigestAt(now: Date, timeZone: string, hour: number): Date {
  const local = new Date(now.getTime() + zoneOffsetMs(now, timeZone));
  const today = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour,
  };
  const candidate = instantOf(today, timeZone);
  if (candidate.getTime() > now.getTime()) return candidate;
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return instantOf(
    {
      year: tomorrow.getUTCFullYear(),
      month: tomorrow.getUTCMonth() + 1,
      day: tomorrow.getUTCDate(),
      hour,
    },
    timeZone,
  );
}
