/** Weekly goal kinds (the daily loop, docs/product.md). */
export const GOAL_KINDS = ['problems', 'topic_mastery', 'minutes'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** A weekly goal reached its target, or is unlikely to at the current pace (aggregation). */
export interface GoalProgressPayload {
  userId: string;
  goalId: string;
  kind: GoalKind;
  /** Canonical topic slug for `topic_mastery` goals, else null. */
  topic: string | null;
  target: number;
  progress: number;
  /** The goal's week: the Monday it starts, as a date in the learner's time zone (YYYY-MM-DD). */
  weekStart: string;
}

/** The learner has a streak and nothing counted today yet, at 20:00 in their time zone (aggregation). */
export interface StreakAtRiskPayload {
  userId: string;
  currentStreak: number;
  /** Today in the learner's time zone (YYYY-MM-DD). */
  localDate: string;
}

/** Revision cards fell due today (aggregation), once per local day. */
export interface RevisionsDuePayload {
  userId: string;
  dueCount: number;
  /** Canonical topic slugs of the due cards (at most 10). */
  topics: string[];
  localDate: string;
}
