import type { PerformancePeriodName as PerformancePeriod } from '@prepmate/contracts';
import { DAY_MS } from './topic-state';
import { dayOf, type DayActivity } from './user-aggregate';

export interface PerformancePoint {
  date: string;
  attempts: number;
  accepted: number;
  distinctProblems: number;
}

export interface PerformanceSummary {
  attempts: number;
  accepted: number;
  distinctProblems: number;
  successRate: number;
}

export interface PerformanceReport {
  period: PerformancePeriod;
  from: string;
  to: string;
  dataPoints: PerformancePoint[];
  summary: PerformanceSummary & {
    /** This period minus the previous one of the same length; null for `all`. */
    change: { attempts: number; accepted: number; successRate: number } | null;
  };
}

const PERIOD_DAYS: Record<Exclude<PerformancePeriod, 'all'>, number> = {
  '7d': 7,
  '30d': 30,
  '90d': 90,
};

function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY_MS) dates.push(dayOf(at));
  return dates;
}

function summarize(days: Record<string, DayActivity>, dates: string[]): PerformanceSummary {
  let attempts = 0;
  let accepted = 0;
  const problems = new Set<string>();
  for (const date of dates) {
    const day = days[date];
    if (!day) continue;
    attempts += day.attempts;
    accepted += day.accepted;
    for (const problem of day.problems) problems.add(problem);
  }
  return {
    attempts,
    accepted,
    distinctProblems: problems.size,
    successRate: attempts === 0 ? 0 : accepted / attempts,
  };
}

/**
 * Daily points (every day of the period, zeros included; UTC days ending today) and a
 * summary with the change against the previous period of the same length. `all` runs from
 * the first active day and has no previous period.
 */
export function performanceReport(
  days: Record<string, DayActivity>,
  period: PerformancePeriod,
  now: number,
): PerformanceReport {
  const to = dayOf(now);
  const active = Object.keys(days).sort();
  const length = period === 'all' ? null : PERIOD_DAYS[period];
  const from =
    length === null
      ? active[0] && active[0] < to
        ? active[0]
        : to
      : dayOf(now - (length - 1) * DAY_MS);
  const dates = datesBetween(from, to);
  const dataPoints = dates.map((date) => ({
    date,
    attempts: days[date]?.attempts ?? 0,
    accepted: days[date]?.accepted ?? 0,
    distinctProblems: days[date]?.problems.length ?? 0,
  }));
  const summary = summarize(days, dates);
  let change: PerformanceReport['summary']['change'] = null;
  if (length !== null) {
    const previous = summarize(
      days,
      datesBetween(dayOf(Date.parse(from) - length * DAY_MS), dayOf(Date.parse(from) - DAY_MS)),
    );
    change = {
      attempts: summary.attempts - previous.attempts,
      accepted: summary.accepted - previous.accepted,
      successRate: summary.successRate - previous.successRate,
    };
  }
  return { period, from, to, dataPoints, summary: { ...summary, change } };
}
