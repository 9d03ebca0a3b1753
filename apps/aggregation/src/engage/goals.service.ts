import { Injectable } from '@nestjs/common';
import type {
  CreateGoalRpcData,
  GoalListResponse,
  GoalResponse,
  UpdateGoalRpcData,
} from '@prepmate/contracts';
import { TopicCatalog } from '@prepmate/messaging';
import { AppError } from '@prepmate/platform';
import { v7 as uuidv7 } from 'uuid';
import { AggregateStore } from '../aggregates/aggregate.store';
import { type Goal, goalAtRisk, goalProgress, goalReached, weekActivity } from '../domain/goals';
import { addDays, localDate, safeTimeZone, weekStartOf } from '../domain/local-time';
import { Engagement, masteryOf } from './engagement';
import { MAX_GOALS } from './learner-profile';
import { LearnerProfileStore } from './learner-profile.store';

/** Weekly goals: created, changed and deleted by their learner, listed with this week's progress. */
@Injectable()
export class GoalsService {
  constructor(
    private readonly profiles: LearnerProfileStore,
    private readonly aggregates: AggregateStore,
    private readonly catalog: TopicCatalog,
    private readonly engagement: Engagement,
  ) {}

  async list(userId: string, now = Date.now()): Promise<GoalListResponse> {
    const [{ profile }, aggregate] = await Promise.all([
      this.profiles.load(userId),
      this.aggregates.load(userId),
    ]);
    const timeZone = safeTimeZone(profile.timeZone);
    const today = localDate(now, timeZone);
    const weekStart = weekStartOf(today);
    const week = weekActivity(profile.activity, today, masteryOf(aggregate));
    const items: GoalResponse[] = profile.goals.map((goal) => {
      const progress = goalProgress(goal, week);
      return {
        id: goal.id,
        kind: goal.kind,
        target: goal.target,
        topic: goal.topic,
        weekStart,
        weekEnd: addDays(weekStart, 6),
        progress: Number(progress.toFixed(4)),
        reached: goalReached(goal.target, progress),
        atRisk: goalAtRisk(goal, progress, today),
        createdAt: goal.createdAt,
      };
    });
    return { items, timeZone, today };
  }

  async create(userId: string, data: CreateGoalRpcData): Promise<GoalResponse> {
    const topic = await this.validTopic(data);
    validTarget(data.kind, data.target);
    const goal: Goal = {
      id: uuidv7(),
      kind: data.kind,
      target: data.target,
      topic,
      createdAt: new Date().toISOString(),
      reachedWeek: null,
      atRiskWeek: null,
    };
    await this.profiles.mutate(userId, (profile) => {
      if (profile.goals.length >= MAX_GOALS)
        throw new AppError('QUOTA_EXCEEDED', `at most ${MAX_GOALS} goals`);
      profile.goals.push(goal);
      return { profile, events: [] };
    });
    // A goal already met this week is announced at once.
    await this.engagement.reviewGoals(userId, await this.aggregates.load(userId));
    return this.one(userId, goal.id);
  }

  async update(userId: string, data: UpdateGoalRpcData): Promise<GoalResponse> {
    let found = false;
    await this.profiles.mutate(userId, (profile) => {
      const goal = profile.goals.find((candidate) => candidate.id === data.goalId);
      if (!goal) return null;
      found = true;
      validTarget(goal.kind, data.target);
      goal.target = data.target;
      return { profile, events: [] };
    });
    if (!found) throw AppError.notFound('goal');
    await this.engagement.reviewGoals(userId, await this.aggregates.load(userId));
    return this.one(userId, data.goalId);
  }

  async delete(userId: string, goalId: string): Promise<{ deleted: number }> {
    let found = false;
    await this.profiles.mutate(userId, (profile) => {
      const left = profile.goals.filter((goal) => goal.id !== goalId);
      found = left.length < profile.goals.length;
      if (!found) return null;
      profile.goals = left;
      return { profile, events: [] };
    });
    if (!found) throw AppError.notFound('goal');
    return { deleted: 1 };
  }

  private async one(userId: string, goalId: string): Promise<GoalResponse> {
    const goal = (await this.list(userId)).items.find((item) => item.id === goalId);
    if (!goal) throw AppError.notFound('goal');
    return goal;
  }

  private async validTopic(data: CreateGoalRpcData): Promise<string | null> {
    if (data.kind !== 'topic_mastery') {
      if (data.topic !== undefined)
        throw AppError.validation([
          { field: 'topic', message: `a ${data.kind} goal has no topic` },
        ]);
      return null;
    }
    if (!data.topic)
      throw AppError.validation([
        { field: 'topic', message: 'a topic_mastery goal names its topic' },
      ]);
    if (!(await this.catalog.get([data.topic])).has(data.topic))
      throw AppError.validation([{ field: 'topic', message: `unknown topic ${data.topic}` }]);
    return data.topic;
  }
}

function validTarget(kind: Goal['kind'], target: number): void {
  if (kind === 'topic_mastery') {
    if (!(target > 0 && target <= 1))
      throw AppError.validation([
        { field: 'target', message: 'a topic_mastery target is a mastery in (0, 1]' },
      ]);
  } else if (!Number.isInteger(target) || target < 1)
    throw AppError.validation([
      { field: 'target', message: `a ${kind} target is a whole number ≥ 1` },
    ]);
}
