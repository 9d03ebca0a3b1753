import type { DayEngagement, Goal } from '../domain/goals';

/** The engagement state of a learner, as plain JSON (see LearnerProfileSchema). */
export interface LearnerProfile {
  timeZone: string;
  preparationTargetDate: string | null;
  /** The highest `user.profile_updated` version applied (the high-water mark). */
  profileVersion: number;
  /** Every local day that counted for the streak, ascending. */
  countedDays: string[];
  /** The streak as of the last write (what `streakOf` gave then). */
  streak: { current: number; longest: number; asOf: string } | null;
  activity: Record<string, DayEngagement>;
  goals: Goal[];
  readinessHistory: Array<{ date: string; score: number }>;
  nextCheckAt: Date;
  lastMorningCheck: string | null;
  lastEveningCheck: string | null;
}

/** Days of activity kept: this week and the last (a week starts at most 6 days back). */
export const ACTIVITY_DAYS = 14;
/** Readiness samples kept (the pace window plus today). */
export const READINESS_SAMPLES = 31;
/** At most this many goals per learner. */
export const MAX_GOALS = 10;

export function emptyProfile(nextCheckAt: Date): LearnerProfile {
  return {
    timeZone: 'UTC',
    preparationTargetDate: null,
    profileVersion: 0,
    countedDays: [],
    streak: null,
    activity: {},
    goals: [],
    readinessHistory: [],
    nextCheckAt,
    lastMorningCheck: null,
    lastEveningCheck: null,
  };
}
