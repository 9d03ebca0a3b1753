import { nextDigestAt, zoneOffsetMs } from './digest-time';

describe('nextDigestAt (the morning digest, 08:00 local)', () => {
  it('is today at 08:00 local when the hour has not come yet', () => {
    // 05:30 in Berlin (CET, UTC+1) → 08:00 CET = 07:00Z the same day.
    expect(nextDigestAt(new Date('2026-01-15T04:30:00Z'), 'Europe/Berlin', 8).toISOString()).toBe(
      '2026-01-15T07:00:00.000Z',
    );
  });

  it('is tomorrow once the hour has passed, and exactly at the hour counts as passed', () => {
    expect(nextDigestAt(new Date('2026-01-15T07:00:00Z'), 'Europe/Berlin', 8).toISOString()).toBe(
      '2026-01-16T07:00:00.000Z',
    );
    expect(nextDigestAt(new Date('2026-01-15T12:00:00Z'), 'UTC', 8).toISOString()).toBe(
      '2026-01-16T08:00:00.000Z',
    );
  });

  it('takes the local date, not the UTC one, west and east of Greenwich', () => {
    // 22:00Z on the 15th is 17:00 in New York (EST): the next 08:00 there is the 16th, 13:00Z.
    expect(
      nextDigestAt(new Date('2026-01-15T22:00:00Z'), 'America/New_York', 8).toISOString(),
    ).toBe('2026-01-16T13:00:00.000Z');
    // 23:30Z on the 15th is already 08:30 on the 16th in Tokyo (UTC+9): the 17th, 23:00Z on the 16th.
    expect(nextDigestAt(new Date('2026-01-15T23:30:00Z'), 'Asia/Tokyo', 8).toISOString()).toBe(
      '2026-01-16T23:00:00.000Z',
    );
    // Half-hour zone: Kolkata is UTC+5:30.
    expect(nextDigestAt(new Date('2026-01-15T00:00:00Z'), 'Asia/Kolkata', 8).toISOString()).toBe(
      '2026-01-15T02:30:00.000Z',
    );
  });

  it('follows daylight saving time: the same local hour is another UTC hour after the change', () => {
    // Berlin springs forward on 2026-03-29 (CET → CEST): 08:00 is 07:00Z before, 06:00Z after.
    expect(nextDigestAt(new Date('2026-03-28T10:00:00Z'), 'Europe/Berlin', 8).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    // New York falls back on 2026-11-01 (EDT → EST): 08:00 is 12:00Z before, 13:00Z after.
    expect(
      nextDigestAt(new Date('2026-10-31T15:00:00Z'), 'America/New_York', 8).toISOString(),
    ).toBe('2026-11-01T13:00:00.000Z');
  });

  it('lands an hour later when the hour does not exist that day (spring-forward gap)', () => {
    // New York skips 02:00–03:00 on 2026-03-08: a 02:00 digest is sent at 03:00 EDT (07:00Z).
    expect(
      nextDigestAt(new Date('2026-03-08T05:00:00Z'), 'America/New_York', 2).toISOString(),
    ).toBe('2026-03-08T07:00:00.000Z');
  });

  it('computes zone offsets', () => {
    expect(zoneOffsetMs(new Date('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-01-01T00:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
  });
});
