import type { GoalKind } from '@prepmate/contracts';
import { weekdayIndex, weekStartOf } from './local-time';

/** What one local day of activity holds (the learner profile keeps the last 14 days). */
export interface DayEngagement {
  /** Canonical problems with an accepted submission that day. */
  problems: string[];
  /** Verified tasks that day: task id → estimated minutes (0 when the task gave none). */
  tasks: Record<string, number>;
}

/** A learner's weekly goal as stored (docs/product.md#weekly-goals). */
export interface Goal {
  id: string;
  kind: GoalKind;
  /** problems: distinct problems; minutes: minutes; topic_mastery: a mastery in (0, 1]. */
  target: number;
  topic: string | null;
  createdAt: string;
  /** The week (its Monday) for which `goal.reached` / `goal.at_risk` went out, once each. */
  reachedWeek: string | null;
  atRiskWeek: string | null;
}

/** What a week's progress is counted from. */
export interface WeekActivity {
  /** Distinct canonical problems with an accepted submission this week. */
  problems: number;
  /** estimatedTimeMinutes of the tasks verified this week. */
  minutes: number;
  /** Current mastery per topic (0..1). */
  mastery: Record<string, number>;
}

/**
 * This week's activity as of `today` (weeks start on Monday): distinct problems accepted
 * and minutes of tasks verified from Monday to today, and the masteries now.
 */
export function weekActivity(
  activity: Record<string, DayEngagement>,
  today: string,
  mastery: Record<string, number>,
): WeekActivity {
  const weekStart = weekStartOf(today);
  const problems = new Set<string>();
  const tasks = new Map<string, number>();
  for (const [day, engagement] of Object.entries(activity)) {
    if (day < weekStart || day > today) continue;
    for (const problemId of engagement.problems) problems.add(problemId);
    for (const [taskId, minutes] of Object.entries(engagement.tasks)) tasks.set(taskId, minutes);
  }
  let minutes = 0;
  for (const taskMinutes of tasks.values()) minutes += taskMinutes;
  return { problems: problems.size, minutes, mastery };
}

/** A counting goal may fall this far (a share of its target) behind the linear pace. */
export const PACE_SLACK = 0.15;
/** Counting goals are judged from Wednesday on (2 of 7 days elapsed). */
export const PACE_FROM_DAYS = 2;
/** Mastery goals are judged from Friday on (4 days elapsed): mastery does not grow linearly. */
export const MASTERY_PACE_FROM_DAYS = 4;

export function goalProgress(goal: Pick<Goal, 'kind' | 'topic'>, week: WeekActivity): number {
  switch (goal.kind) {
    case 'problems':
      return week.problems;
    case 'minutes':
      return week.minutes;
    case 'topic_mastery':
      return goal.topic ? (week.mastery[goal.topic] ?? 0) : 0;
  }
}

export function goalReached(target: number, progress: number): boolean {
  return progress >= target;
}

/** Days of the week over by the start of `today` (Monday 0 … Sunday 6). */
export function elapsedDays(today: string): number {
  return weekdayIndex(today);
}

/**
 * The pace rule, checked once a day (the morning check): a goal not reached is at risk when
 * - problems / minutes: from Wednesday, progress < target · elapsed/7 − slack · target;
 * - topic_mastery: from Friday, mastery below target.
 */
export function goalAtRisk(
  goal: Pick<Goal, 'kind' | 'target'>,
  progress: number,
  today: string,
): boolean {
  if (goalReached(goal.target, progress)) return false;
  const elapsed = elapsedDays(today);
  if (goal.kind === 'topic_mastery') return elapsed >= MASTERY_PACE_FROM_DAYS;
  if (elapsed < PACE_FROM_DAYS) return false;
  return progress < goal.target * (elapsed / 7) - PACE_SLACK * goal.target;
}
