import { DAY } from '../../../../test/support/factories/attempts';
import { performanceReport } from './performance';
import type { DayActivity } from './user-aggregate';

describe('performance over time', () => {
  const now = Date.parse('2026-03-20T12:00:00Z');
  const days: Record<string, DayActivity> = {
    '2026-03-20': { attempts: 4, accepted: 3, problems: ['a', 'b'] },
    '2026-03-15': { attempts: 2, accepted: 1, problems: ['a'] },
    '2026-03-12': { attempts: 5, accepted: 1, problems: ['c'] },
    '2026-03-10': { attempts: 1, accepted: 1, problems: ['d'] },
  };

  it('7d: every day of the period, zeros included, and the change against the 7 days before', () => {
    const report = performanceReport(days, '7d', now);
    expect(report.dataPoints.map((p) => p.date)).toEqual([
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
    ]);
    expect(report.dataPoints[6]).toEqual({
      date: '2026-03-20',
      attempts: 4,
      accepted: 3,
      distinctProblems: 2,
    });
    expect(report.summary).toMatchObject({
      attempts: 6,
      accepted: 4,
      distinctProblems: 2,
      successRate: 4 / 6,
    });
    // previous period 03-07 … 03-13: 6 attempts, 2 accepted
    expect(report.summary.change).toEqual({ attempts: 0, accepted: 2, successRate: 4 / 6 - 2 / 6 });
  });

  it('all: from the first active day, no previous period', () => {
    const report = performanceReport(days, 'all', now);
    expect(report.from).toBe('2026-03-10');
    expect(report.dataPoints).toHaveLength(11);
    expect(report.summary.attempts).toBe(12);
    expect(report.summary.change).toBeNull();
    expect(performanceReport({}, 'all', now + DAY).dataPoints).toHaveLength(1);
  });
});
