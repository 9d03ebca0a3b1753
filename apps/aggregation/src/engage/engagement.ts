import { Inject, Injectable } from '@nestjs/common';
import type {
  EventEnvelope,
  TaskCompletedPayload,
  UserProfileUpdatedPayload,
} from '@prepmate/contracts';
import { createEvent } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import type { Attempt } from '../domain/attempt';
import { goalAtRisk, goalProgress, goalReached, weekActivity } from '../domain/goals';
import {
  addDays,
  localDate,
  localParts,
  nextLocalHour,
  safeTimeZone,
  weekStartOf,
} from '../domain/local-time';
import { withDailySample } from '../domain/readiness';
import { streakAtRisk, streakOf } from '../domain/streak';
import type { UserAggregate } from '../domain/user-aggregate';
import { AggregateStore } from '../aggregates/aggregate.store';
import { goalEvent } from './engagement-events';
import { ACTIVITY_DAYS, type LearnerProfile, READINESS_SAMPLES } from './learner-profile';
import { LearnerProfileStore } from './learner-profile.store';
import { type RoadmapPciScore, readinessNow } from './readiness-now';
import { RoadmapPci } from './roadmap-pci';

/** Local hours of the reminder checks: the morning one (revisions due, goal pace) and the evening one (streak). */
export const MORNING_HOUR = 8;
export const EVENING_HOUR = 20;
const CHECK_HOURS = [MORNING_HOUR, EVENING_HOUR] as const;
/** Topics named in `revisions.due`. */
const DUE_TOPICS = 10;

/** Something that counts for the streak and the week's goals. */
type Activity =
  | { at: number; kind: 'problem'; problemId: string }
  | { at: number; kind: 'task'; taskId: string; minutes: number };

/** Whether the once-a-day morning check is due: after 08:00 local, not yet run that day. */
function morningDue(profile: LearnerProfile, now: number): boolean {
  const { date, hour } = localParts(now, safeTimeZone(profile.timeZone));
  return hour >= MORNING_HOUR && profile.lastMorningCheck !== date;
}

/** The day's readiness sample, stored as a read of GET /me/readiness stores it. */
function sampleReadiness(
  profile: LearnerProfile,
  aggregate: UserAggregate,
  roadmaps: RoadmapPciScore[],
  now: number,
): void {
  const { today, result } = readinessNow(profile, aggregate, roadmaps, now);
  const history = withDailySample(profile.readinessHistory, today, result.score, READINESS_SAMPLES);
  if (history) profile.readinessHistory = history;
}

export function masteryOf(aggregate: UserAggregate): Record<string, number> {
  return Object.fromEntries(
    Object.entries(aggregate.topics).map(([topic, state]) => [topic, state.mastery]),
  );
}

/**
 * The engagement rules applied to learner profiles: the time zone projection, counted days
 * and the streak, weekly goals reaching their targets, and the morning / evening checks.
 * Each is one compare-and-set change of the profile with its events (LearnerProfileStore).
 */
@Injectable()
export class Engagement {
  private readonly log: Logger;

  constructor(
    private readonly profiles: LearnerProfileStore,
    private readonly aggregates: AggregateStore,
    private readonly pci: RoadmapPci,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'engagement' });
  }

  /** `user.profile_updated`: applied when newer than what is stored (the high-water mark). */
  async applyProfile(payload: UserProfileUpdatedPayload, now = Date.now()): Promise<boolean> {
    let applied = false;
    await this.profiles.mutate(payload.userId, (profile) => {
      if (payload.profileVersion <= profile.profileVersion) return null;
      applied = true;
      profile.profileVersion = payload.profileVersion;
      profile.timeZone = safeTimeZone(payload.timeZone);
      profile.preparationTargetDate = payload.preparationTargetDate;
      // Checked again at once in the new zone (a day's reminder still goes out once: the
      // markers hold the local dates already checked).
      profile.nextCheckAt = new Date(now);
      return { profile, events: [] };
    });
    if (applied)
      this.log.info(
        {
          userId: payload.userId,
          timeZone: payload.timeZone,
          profileVersion: payload.profileVersion,
        },
        'learner profile projected',
      );
    return applied;
  }

  /** Accepted attempts just aggregated: their days count, their problems go to the week. */
  async recordAttempts(
    userId: string,
    attempts: Attempt[],
    aggregate: UserAggregate,
  ): Promise<void> {
    const activities: Activity[] = attempts
      .filter((attempt) => attempt.accepted)
      .map((attempt) => ({
        at: attempt.submittedAt,
        kind: 'problem',
        problemId: attempt.canonicalProblemId,
      }));
    if (activities.length > 0) await this.record(userId, activities, masteryOf(aggregate));
  }

  /** `task.completed`: the day of its completion counts, its minutes go to the week. */
  async recordTask(payload: TaskCompletedPayload): Promise<void> {
    const aggregate = await this.aggregates.load(payload.userId);
    await this.record(
      payload.userId,
      [
        {
          at: Date.parse(payload.completedAt),
          kind: 'task',
          taskId: payload.taskId,
          minutes: Math.max(0, payload.estimatedTimeMinutes ?? 0),
        },
      ],
      masteryOf(aggregate),
    );
  }

  /** The learner's mastery changed (an aggregation job): goals may have been reached. */
  async reviewGoals(userId: string, aggregate: UserAggregate, now = Date.now()): Promise<void> {
    await this.profiles.mutate(userId, (profile, isNew) => {
      if (isNew || profile.goals.length === 0) return null;
      const events = this.reachedGoals(userId, profile, now, masteryOf(aggregate));
      return events.length > 0 ? { profile, events } : null;
    });
  }

  private async record(
    userId: string,
    activities: Activity[],
    mastery: Record<string, number>,
    now = Date.now(),
  ): Promise<void> {
    const stored = await this.profiles.mutate(userId, (profile, isNew) => {
      const tz = safeTimeZone(profile.timeZone);
      const today = localDate(now, tz);
      const oldest = addDays(today, -(ACTIVITY_DAYS - 1));
      const days = new Set(profile.countedDays);
      for (const activity of activities) {
        const day = localDate(activity.at, tz);
        days.add(day);
        if (day < oldest || day > today) continue;
        const engagement = (profile.activity[day] ??= { problems: [], tasks: {} });
        if (activity.kind === 'problem') {
          if (!engagement.problems.includes(activity.problemId))
            engagement.problems.push(activity.problemId);
        } else engagement.tasks[activity.taskId] = activity.minutes;
      }
      profile.countedDays = [...days].sort();
      for (const day of Object.keys(profile.activity))
        if (day < oldest) delete profile.activity[day];
      const streak = streakOf(profile.countedDays, today);
      profile.streak = { current: streak.current, longest: streak.longest, asOf: today };
      // A new learner is checked at once (then at the next 08:00 / 20:00 local).
      if (isNew) profile.nextCheckAt = new Date(now);
      return { profile, events: this.reachedGoals(userId, profile, now, mastery) };
    });
    this.log.info(
      { userId, activities: activities.length, streak: stored.streak?.current ?? 0 },
      'activity counted',
    );
  }

  /** Marks the goals reached this week that had not been yet, and returns their events. */
  private reachedGoals(
    userId: string,
    profile: LearnerProfile,
    now: number,
    mastery: Record<string, number>,
  ): EventEnvelope[] {
    const today = localDate(now, safeTimeZone(profile.timeZone));
    const weekStart = weekStartOf(today);
    const week = weekActivity(profile.activity, today, mastery);
    const events: EventEnvelope[] = [];
    for (const goal of profile.goals) {
      const progress = goalProgress(goal, week);
      if (goal.reachedWeek === weekStart || !goalReached(goal.target, progress)) continue;
      goal.reachedWeek = weekStart;
      events.push(goalEvent('goal.reached', userId, goal, progress, weekStart));
    }
    return events;
  }

  /**
   * The reminder check of one learner, when its `nextCheckAt` came: once per local day after
   * 08:00 `revisions.due` (cards due), `goal.at_risk` (the pace rule, once per goal-week) and
   * the day's readiness sample (docs/product.md#readiness),
   * once per local day after 20:00 `streak.at_risk`; then the next check is the next 08:00
   * or 20:00 local. A check that runs late still runs once.
   */
  async check(userId: string, now = Date.now()): Promise<string[]> {
    const [aggregate, { profile: before }] = await Promise.all([
      this.aggregates.load(userId),
      this.profiles.load(userId),
    ]);
    // The PCI for the day's readiness sample, asked only when the morning check is due.
    const roadmaps = morningDue(before, now) ? await this.pci.of(userId) : null;
    const sent: string[] = [];
    await this.profiles.mutate(userId, (profile, isNew) => {
      if (isNew) return null;
      sent.length = 0;
      const tz = safeTimeZone(profile.timeZone);
      const { date: today, hour } = localParts(now, tz);
      const events: EventEnvelope[] = [];
      if (morningDue(profile, now)) {
        profile.lastMorningCheck = today;
        events.push(...this.morning(userId, profile, aggregate, today, now));
        if (roadmaps) sampleReadiness(profile, aggregate, roadmaps, now);
      }
      if (hour >= EVENING_HOUR && profile.lastEveningCheck !== today) {
        profile.lastEveningCheck = today;
        const streak = streakOf(profile.countedDays, today);
        profile.streak = { current: streak.current, longest: streak.longest, asOf: today };
        if (streakAtRisk(streak))
          events.push(
            createEvent(
              'streak.at_risk',
              { userId, currentStreak: streak.current, localDate: today },
              'aggregation',
            ),
          );
      }
      profile.nextCheckAt = new Date(nextLocalHour(now, tz, CHECK_HOURS));
      sent.push(...events.map((event) => event.type));
      return { profile, events };
    });
    if (sent.length > 0) this.log.info({ userId, events: sent }, 'reminders queued');
    return sent;
  }

  private morning(
    userId: string,
    profile: LearnerProfile,
    aggregate: UserAggregate,
    today: string,
    now: number,
  ): EventEnvelope[] {
    const events: EventEnvelope[] = [];
    const due = Object.values(aggregate.problems).filter(
      (problem) => problem.card !== null && problem.card.due <= now,
    );
    if (due.length > 0) {
      const topics = [...new Set(due.flatMap((problem) => problem.topics))]
        .sort()
        .slice(0, DUE_TOPICS);
      events.push(
        createEvent(
          'revisions.due',
          { userId, dueCount: due.length, topics, localDate: today },
          'aggregation',
        ),
      );
    }
    const weekStart = weekStartOf(today);
    const week = weekActivity(profile.activity, today, masteryOf(aggregate));
    for (const goal of profile.goals) {
      const progress = goalProgress(goal, week);
      if (goal.atRiskWeek === weekStart || goal.reachedWeek === weekStart) continue;
      if (!goalAtRisk(goal, progress, today)) continue;
      goal.atRiskWeek = weekStart;
      events.push(goalEvent('goal.at_risk', userId, goal, progress, weekStart));
    }
    return events;
  }
}
