import { localDate } from './local-time';
import { FREEZES_PER_MONTH, streakAtRisk, streakOf } from './streak';

describe('daily streak', () => {
  it('counts consecutive days ending today or yesterday', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(streakOf(days, '2026-03-03')).toMatchObject({
      current: 3,
      longest: 3,
      todayCounted: true,
    });
    const yesterday = streakOf(days, '2026-03-04');
    expect(yesterday).toMatchObject({ current: 3, todayCounted: false });
    expect(streakAtRisk(yesterday)).toBe(true);
    expect(streakAtRisk(streakOf(days, '2026-03-03'))).toBe(false);
  });

  it('covers a single missed day with a freeze, which does not add to the length', () => {
    const state = streakOf(['2026-03-01', '2026-03-02', '2026-03-04'], '2026-03-04');
    expect(state.current).toBe(3);
    expect(state.frozenDays).toEqual(['2026-03-03']);
    expect(state.freezesLeft).toBe(FREEZES_PER_MONTH - 1);
    expect(state.recentDays.slice(-3)).toEqual([
      { date: '2026-03-02', status: 'counted' },
      { date: '2026-03-03', status: 'frozen' },
      { date: '2026-03-04', status: 'counted' },
    ]);
  });

  it('keeps the streak alive today when yesterday was missed, and drops it when today is missed too', () => {
    const days = ['2026-03-01', '2026-03-02'];
    const alive = streakOf(days, '2026-03-04');
    expect(alive).toMatchObject({ current: 2, freezesLeft: 1, frozenDays: ['2026-03-03'] });
    expect(streakAtRisk(alive)).toBe(true);
    // Two missed days: no freeze applies and none is spent.
    expect(streakOf(days, '2026-03-05')).toMatchObject({
      current: 0,
      longest: 2,
      freezesLeft: 2,
      frozenDays: [],
    });
  });

  it('never freezes two missed days in a row', () => {
    expect(streakOf(['2026-03-01', '2026-03-04'], '2026-03-04')).toMatchObject({
      current: 1,
      longest: 1,
      frozenDays: [],
    });
  });

  it('allows two freezes per calendar month of the missed day, and a new month brings two more', () => {
    const days = ['2026-03-20', '2026-03-22', '2026-03-24', '2026-03-26'];
    const march = streakOf(days, '2026-03-26');
    expect(march.frozenDays).toEqual(['2026-03-21', '2026-03-23']);
    expect(march).toMatchObject({ current: 1, longest: 3, freezesLeft: 0 });
    const acrossMonths = streakOf(
      ['2026-03-29', '2026-03-31', '2026-04-02', '2026-04-04'],
      '2026-04-04',
    );
    expect(acrossMonths.frozenDays).toEqual(['2026-03-30', '2026-04-01', '2026-04-03']);
    expect(acrossMonths).toMatchObject({ current: 4, freezesLeft: 0 });
  });

  it('keeps the longest run from history', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-02-10'];
    expect(streakOf(days, '2026-02-10')).toMatchObject({ current: 1, longest: 4 });
  });

  it('ignores days after today (a clock ahead elsewhere) and duplicates', () => {
    expect(streakOf(['2026-03-01', '2026-03-01', '2026-03-09'], '2026-03-01')).toMatchObject({
      current: 1,
      longest: 1,
    });
  });

  it('counts the same submissions on different days in different zones', () => {
    // Two accepted submissions at 23:30 UTC and 00:30 UTC the day after: one local day in
    // Los Angeles (same evening), two in UTC, one in Tokyo (same morning).
    const instants = [Date.parse('2026-03-02T23:30:00Z'), Date.parse('2026-03-03T00:30:00Z')];
    const daysIn = (zone: string) => instants.map((at) => localDate(at, zone));
    expect(streakOf(daysIn('UTC'), '2026-03-03').current).toBe(2);
    expect(streakOf(daysIn('America/Los_Angeles'), '2026-03-02').current).toBe(1);
    expect(streakOf(daysIn('Asia/Tokyo'), '2026-03-03').current).toBe(1);
  });

  it('counts a day across a DST change like any other', () => {
    // Berlin springs forward on 2026-03-29 (a 23-hour day): 22:30 local each evening.
    const instants = [
      Date.parse('2026-03-28T21:30:00Z'),
      Date.parse('2026-03-29T20:30:00Z'),
      Date.parse('2026-03-30T20:30:00Z'),
    ];
    const days = instants.map((at) => localDate(at, 'Europe/Berlin'));
    expect(days).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(streakOf(days, '2026-03-30').current).toBe(3);
  });
});
