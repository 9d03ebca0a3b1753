import { goalAtRisk, weekActivity, type DayEngagement } from './goals';
import { localDate, localParts, nextLocalHour, weekStartOf } from './local-time';

/**
 * The weekly goal week across time zones and DST changes: a week runs from Monday 00:00 to
 * Sunday 24:00 on the learner's wall clock (docs/product.md#goals-and-streaks), so the week of
 * a DST change is 167 h (spring forward) or 169 h (fall back) long. Activity is keyed by its
 * local day exactly as the engagement rules store it (localDate of the instant).
 */
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const weekOf = (iso: string, timeZone: string) => weekStartOf(localDate(at(iso), timeZone));

/** Accepted problems at these instants, stored by local day (as Engagement.record does). */
function activityAt(timeZone: string, solved: Array<[string, string]>) {
  const activity: Record<string, DayEngagement> = {};
  for (const [iso, problemId] of solved) {
    const day = localDate(at(iso), timeZone);
    (activity[day] ??= { problems: [], tasks: {} }).problems.push(problemId);
  }
  return activity;
}

/** This week's distinct problems as the learner sees them at `nowIso`. */
const problemsThisWeek = (
  activity: Record<string, DayEngagement>,
  nowIso: string,
  timeZone: string,
) => weekActivity(activity, localDate(at(nowIso), timeZone), {}).problems;

describe('the goal week in Europe/Berlin around the last Sunday of March (spring forward)', () => {
  // 2026-03-29 02:00 CET → 03:00 CEST (01:00 UTC). The week is Monday 23 to Sunday 29 March.
  it('starts on Monday 00:00 CET and ends on Sunday 24:00 CEST', () => {
    expect(weekOf('2026-03-22T22:59:59Z', BERLIN)).toBe('2026-03-16'); // Sun 23:59:59 CET
    expect(weekOf('2026-03-22T23:00:00Z', BERLIN)).toBe('2026-03-23'); // Mon 00:00 CET
    expect(weekOf('2026-03-29T00:59:59Z', BERLIN)).toBe('2026-03-23'); // Sun 01:59:59 CET
    expect(weekOf('2026-03-29T01:00:00Z', BERLIN)).toBe('2026-03-23'); // Sun 03:00 CEST
    expect(weekOf('2026-03-29T21:59:59Z', BERLIN)).toBe('2026-03-23'); // Sun 23:59:59 CEST
    // Monday 00:00 CEST is still Sunday in UTC: the new week has begun for the learner.
    expect(weekOf('2026-03-29T22:00:00Z', BERLIN)).toBe('2026-03-30');
    expect(weekOf('2026-03-29T22:00:00Z', 'UTC')).toBe('2026-03-23');
  });

  it('counts the whole 167-hour week once, and starts again on Monday', () => {
    const activity = activityAt(BERLIN, [
      ['2026-03-22T22:30:00Z', 'before'], // Sunday 23:30 CET: the week before
      ['2026-03-22T23:30:00Z', 'p1'], // Monday 00:30 CET
      ['2026-03-29T00:30:00Z', 'p2'], // Sunday 01:30 CET, before the change
      ['2026-03-29T01:30:00Z', 'p3'], // Sunday 03:30 CEST, after it
      ['2026-03-29T21:30:00Z', 'p4'], // Sunday 23:30 CEST
      ['2026-03-29T22:30:00Z', 'next'], // Monday 00:30 CEST
    ]);
    expect(Object.keys(activity).sort()).toEqual([
      '2026-03-22',
      '2026-03-23',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(problemsThisWeek(activity, '2026-03-29T21:59:00Z', BERLIN)).toBe(4);
    expect(problemsThisWeek(activity, '2026-03-29T22:00:00Z', BERLIN)).toBe(1);
  });

  it('judges the pace by local weekdays: Sunday of the change is the 7th day', () => {
    const goal = { kind: 'problems' as const, target: 7 };
    const sunday = localDate(at('2026-03-29T20:00:00Z'), BERLIN);
    expect(sunday).toBe('2026-03-29');
    // Sunday: expected 7·6/7 − 1.05 = 4.95
    expect(goalAtRisk(goal, 4, sunday)).toBe(true);
    expect(goalAtRisk(goal, 5, sunday)).toBe(false);
    // Monday 00:30 CEST (Sunday in UTC) is the first day of a new week: not judged yet.
    expect(goalAtRisk(goal, 0, localDate(at('2026-03-29T22:30:00Z'), BERLIN))).toBe(false);
  });

  it('runs the Monday morning check at 08:00 CEST, in the new week', () => {
    const check = nextLocalHour(at('2026-03-29T18:00:00Z'), BERLIN, [8, 20]);
    expect(new Date(check).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(localParts(check, BERLIN)).toMatchObject({ date: '2026-03-30', hour: 8 });
    expect(weekStartOf(localDate(check, BERLIN))).toBe('2026-03-30');
  });
});

describe('the goal week in Europe/Berlin around the last Sunday of October (fall back)', () => {
  // 2026-10-25 03:00 CEST → 02:00 CET (01:00 UTC). The week is Monday 19 to Sunday 25 October.
  it('starts on Monday 00:00 CEST and ends on Sunday 24:00 CET', () => {
    expect(weekOf('2026-10-18T21:59:59Z', BERLIN)).toBe('2026-10-12'); // Sun 23:59:59 CEST
    expect(weekOf('2026-10-18T22:00:00Z', BERLIN)).toBe('2026-10-19'); // Mon 00:00 CEST
    // 02:30 is shown twice on Sunday 25 (CEST, then CET): both in this week.
    expect(weekOf('2026-10-25T00:30:00Z', BERLIN)).toBe('2026-10-19');
    expect(weekOf('2026-10-25T01:30:00Z', BERLIN)).toBe('2026-10-19');
    expect(weekOf('2026-10-25T22:59:59Z', BERLIN)).toBe('2026-10-19'); // Sun 23:59:59 CET
    expect(weekOf('2026-10-25T23:00:00Z', BERLIN)).toBe('2026-10-26'); // Mon 00:00 CET
    expect(weekOf('2026-10-25T23:00:00Z', 'UTC')).toBe('2026-10-19');
  });

  it('counts the whole 169-hour week once, and starts again on Monday', () => {
    const activity = activityAt(BERLIN, [
      ['2026-10-18T21:30:00Z', 'before'], // Sunday 23:30 CEST: the week before
      ['2026-10-18T22:30:00Z', 'p1'], // Monday 00:30 CEST
      ['2026-10-25T00:30:00Z', 'p2'], // Sunday 02:30 CEST
      ['2026-10-25T01:30:00Z', 'p3'], // Sunday 02:30 CET, the same wall time an hour later
      ['2026-10-25T22:30:00Z', 'p4'], // Sunday 23:30 CET (Sunday 22:30 UTC)
      ['2026-10-25T23:30:00Z', 'next'], // Monday 00:30 CET
    ]);
    expect(problemsThisWeek(activity, '2026-10-25T22:59:00Z', BERLIN)).toBe(4);
    expect(problemsThisWeek(activity, '2026-10-25T23:00:00Z', BERLIN)).toBe(1);
    // The same instants seen in UTC would split the week differently.
    expect(
      problemsThisWeek(
        activityAt('UTC', [['2026-10-18T22:30:00Z', 'p1']]),
        '2026-10-19T12:00:00Z',
        'UTC',
      ),
    ).toBe(0);
  });

  it('runs the Monday morning check at 08:00 CET, in the new week', () => {
    const check = nextLocalHour(at('2026-10-25T19:30:00Z'), BERLIN, [8, 20]);
    expect(new Date(check).toISOString()).toBe('2026-10-26T07:00:00.000Z');
    expect(weekStartOf(localDate(check, BERLIN))).toBe('2026-10-26');
  });
});

describe('the Monday boundary in zones behind and ahead of UTC', () => {
  it('America/Los_Angeles: Sunday 23:30 local is Monday in UTC but still last week', () => {
    const zone = 'America/Los_Angeles';
    // 2026-01-05 is a Monday; PST is UTC−8.
    expect(weekOf('2026-01-05T07:30:00Z', zone)).toBe('2025-12-29'); // Sun 23:30 PST
    expect(weekOf('2026-01-05T07:30:00Z', 'UTC')).toBe('2026-01-05');
    expect(weekOf('2026-01-05T08:00:00Z', zone)).toBe('2026-01-05'); // Mon 00:00 PST
    const activity = activityAt(zone, [
      ['2026-01-05T07:30:00Z', 'sunday-night'],
      ['2026-01-05T09:00:00Z', 'monday'],
    ]);
    expect(problemsThisWeek(activity, '2026-01-05T07:59:00Z', zone)).toBe(1);
    expect(problemsThisWeek(activity, '2026-01-05T20:00:00Z', zone)).toBe(1);
    expect(weekActivity(activity, '2026-01-04', {}).problems).toBe(1);
  });

  it('Asia/Kolkata (UTC+05:30): Monday 00:15 local is Sunday in UTC but already the new week', () => {
    const zone = 'Asia/Kolkata';
    expect(weekOf('2026-01-04T18:29:59Z', zone)).toBe('2025-12-29'); // Sun 23:59:59 IST
    expect(weekOf('2026-01-04T18:30:00Z', zone)).toBe('2026-01-05'); // Mon 00:00 IST
    expect(weekOf('2026-01-04T18:45:00Z', zone)).toBe('2026-01-05'); // Mon 00:15 IST
    expect(weekOf('2026-01-04T18:45:00Z', 'UTC')).toBe('2025-12-29');
    const activity = activityAt(zone, [
      ['2026-01-04T18:00:00Z', 'sunday'], // Sun 23:30 IST
      ['2026-01-04T18:45:00Z', 'monday'], // Mon 00:15 IST
    ]);
    expect(problemsThisWeek(activity, '2026-01-04T18:50:00Z', zone)).toBe(1);
    expect(weekActivity(activity, '2026-01-04', {}).problems).toBe(1);
  });
});
