import type { Goal, GoalKind } from '../api/types';

/** Share of the target reached, 0–100 (whole), capped at 100; 0 for a target of 0. */
export function goalPercent(goal: Pick<Goal, 'progress' | 'target'>): number {
  if (!(goal.target > 0)) return 0;
  return Math.min(100, Math.max(0, Math.round((goal.progress / goal.target) * 100)));
}

const UNITS: Record<Exclude<GoalKind, 'topic_mastery'>, [string, string]> = {
  problems: ['problem', 'problems'],
  minutes: ['minute', 'minutes'],
};

/** "3 of 5 problems", "40 of 120 minutes", "mastery 45% of 80%". */
export function goalProgressText(goal: Pick<Goal, 'kind' | 'progress' | 'target'>): string {
  if (goal.kind === 'topic_mastery')
    return `mastery ${Math.round(goal.progress * 100)}% of ${Math.round(goal.target * 100)}%`;
  const [one, many] = UNITS[goal.kind];
  return `${goal.progress} of ${goal.target} ${goal.target === 1 ? one : many}`;
}

/** A goal's title: what it counts, and the topic for a mastery goal. */
export function goalTitle(goal: Pick<Goal, 'kind' | 'topic'>, topicName?: string): string {
  if (goal.kind === 'problems') return 'Problems solved this week';
  if (goal.kind === 'minutes') return 'Minutes of verified tasks this week';
  return `Mastery of ${topicName ?? goal.topic ?? 'a topic'}`;
}

/**
 * The target as the API takes it from what the form shows: a mastery goal is typed as a
 * percentage (80 → 0.8), the others as a whole number.
 */
export function targetFromInput(kind: GoalKind, input: string): number {
  const value = Number(input);
  return kind === 'topic_mastery' ? value / 100 : value;
}

/** The reverse of targetFromInput, to prefill an edit. */
export function targetToInput(kind: GoalKind, target: number): string {
  return String(kind === 'topic_mastery' ? Math.round(target * 100) : target);
}
