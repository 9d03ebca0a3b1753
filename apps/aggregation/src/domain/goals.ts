import type { GoalKind } from '@prepmate/contracts';
import { weekdayIndex } from './local-time';

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
