import { consistencyWindowStart, interactionDays, utcDay } from './interaction-days';
import { consistencyFactor } from './synergy-score';

describe('consistency factor: min(interaction days/15, 1), distinct UTC days of the last 30', () => {
  it('counts each UTC day once, only the 30 days ending today, and saturates at 15', () => {
    const now = new Date('2026-03-31T10:00:00Z');
    const days = [
      '2026-03-31',
      '2026-03-31', // a second scratch the same day
      '2026-03-02', // 29 days before today: the window's first day
      '2026-03-01', // 30 days before: outside
      '2026-02-10',
    ];
    expect(utcDay(consistencyWindowStart(now))).toBe('2026-03-02');
    expect(interactionDays(days, now)).toBe(2);
    expect(consistencyFactor(2)).toBeCloseTo(2 / 15, 12);
    expect(consistencyFactor(1)).toBeCloseTo(1 / 15, 12);
    expect(consistencyFactor(15)).toBe(1);
    expect(consistencyFactor(29)).toBe(1);
    expect(utcDay(new Date('2026-03-31T23:59:59.999-05:00'))).toBe('2026-04-01');
  });
});
