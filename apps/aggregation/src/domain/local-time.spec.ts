import {
  addDays,
  daysBetween,
  instantOf,
  localDate,
  localParts,
  nextLocalHour,
  safeTimeZone,
  weekStartOf,
} from './local-time';

const at = (iso: string) => Date.parse(iso);

describe('local days in a time zone', () => {
  it('puts one instant on different days in different zones', () => {
    const instant = at('2026-03-02T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-02');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2026-03-03');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-03-02');
    expect(localDate(at('2026-03-02T07:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-01');
    expect(localDate(instant, 'Asia/Kolkata')).toBe('2026-03-03');
  });

  it('follows DST: Berlin is UTC+1 in winter and UTC+2 in summer', () => {
    expect(localParts(at('2026-01-10T22:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-01-10',
      hour: 23,
      minute: 30,
    });
    expect(localParts(at('2026-07-10T22:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-07-11',
      hour: 0,
      minute: 30,
    });
  });

  it('finds 20:00 local on both sides of a DST change', () => {
    // Berlin springs forward on 2026-03-29 and falls back on 2026-10-25.
    expect(new Date(instantOf('2026-03-28', 20, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T19:00:00.000Z',
    );
    expect(new Date(instantOf('2026-03-29', 20, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T18:00:00.000Z',
    );
    expect(new Date(instantOf('2026-10-25', 20, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T19:00:00.000Z',
    );
    // New York: 2026-03-08 spring forward, 2026-11-01 fall back.
    expect(new Date(instantOf('2026-03-08', 20, 'America/New_York')).toISOString()).toBe(
      '2026-03-09T00:00:00.000Z',
    );
    expect(new Date(instantOf('2026-11-01', 20, 'America/New_York')).toISOString()).toBe(
      '2026-11-02T01:00:00.000Z',
    );
  });

  it('maps an hour skipped by spring forward to the instant after the gap, and a repeated hour to its first time', () => {
    // Berlin 2026-03-29: 02:00 → 03:00 local, so 02:00 does not exist.
    expect(new Date(instantOf('2026-03-29', 2, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // Berlin 2026-10-25: 02:00 happens twice (UTC 00:00 and 01:00).
    expect(new Date(instantOf('2026-10-25', 2, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:00:00.000Z',
    );
  });

  it('gives the next check hour after now, local', () => {
    const now = at('2026-03-29T17:59:00Z'); // 19:59 in Berlin (summer time since 01:00 UTC)
    expect(new Date(nextLocalHour(now, 'Europe/Berlin', [8, 20])).toISOString()).toBe(
      '2026-03-29T18:00:00.000Z',
    );
    expect(
      new Date(nextLocalHour(at('2026-03-29T18:00:00Z'), 'Europe/Berlin', [8, 20])).toISOString(),
    ).toBe('2026-03-30T06:00:00.000Z');
    expect(
      new Date(nextLocalHour(at('2026-01-01T00:00:00Z'), 'Pacific/Kiritimati', [20])).toISOString(),
    ).toBe('2026-01-01T06:00:00.000Z');
  });

  it('does calendar arithmetic and weeks from Monday', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(weekStartOf('2026-03-29')).toBe('2026-03-23'); // a Sunday
    expect(weekStartOf('2026-03-30')).toBe('2026-03-30'); // a Monday
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
    expect(safeTimeZone(null)).toBe('UTC');
    expect(safeTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});
