import { Injectable } from '@nestjs/common';
import type { ReadinessResponse, ReadinessRpcData, StreakResponse } from '@prepmate/contracts';
import { AggregateStore } from '../aggregates/aggregate.store';
import { localDate, safeTimeZone } from '../domain/local-time';
import { READINESS_WEIGHTS, READY_SCORE, withDailySample } from '../domain/readiness';
import { streakOf } from '../domain/streak';
import { READINESS_SAMPLES } from './learner-profile';
import { LearnerProfileStore } from './learner-profile.store';
import { readinessNow } from './readiness-now';

/** GET /me/streak and GET /me/readiness, computed from the profile and the aggregate. */
@Injectable()
export class ProgressViews {
  constructor(
    private readonly profiles: LearnerProfileStore,
    private readonly aggregates: AggregateStore,
  ) {}

  async streak(userId: string, now = Date.now()): Promise<StreakResponse> {
    const { profile } = await this.profiles.load(userId);
    const timeZone = safeTimeZone(profile.timeZone);
    const today = localDate(now, timeZone);
    const state = streakOf(profile.countedDays, today);
    return {
      current: state.current,
      longest: state.longest,
      freezesLeft: state.freezesLeft,
      todayCounted: state.todayCounted,
      today,
      timeZone,
      recentDays: state.recentDays,
    };
  }

  /**
   * The score from the PCI the gateway read from roadmap and the cards of the aggregate; the
   * day's sample is kept (one per local day, the latest wins) for the pace of later reads. It
   * does not wait for the morning check's sample (Engagement.check): a read takes its own.
   */
  async readiness(
    userId: string,
    data: ReadinessRpcData,
    now = Date.now(),
  ): Promise<ReadinessResponse> {
    const [{ profile }, aggregate] = await Promise.all([
      this.profiles.load(userId),
      this.aggregates.load(userId),
    ]);
    const roadmaps = data.roadmaps.map(({ roadmapId, pciScore }) => ({ roadmapId, pciScore }));
    const { today, cards, dueCards, result } = readinessNow(profile, aggregate, roadmaps, now);
    const stored = await this.profiles.mutate(userId, (current) => {
      const history = withDailySample(
        current.readinessHistory,
        today,
        result.score,
        READINESS_SAMPLES,
      );
      if (!history) return null;
      current.readinessHistory = history;
      return { profile: current, events: [] };
    });
    return {
      score: result.score,
      inputs: {
        roadmaps,
        pci: result.components.pci,
        cards,
        dueCards,
        retention: result.components.retention,
        revisionHealth: result.components.revisionHealth,
        weights: { ...READINESS_WEIGHTS },
      },
      targetDate: profile.preparationTargetDate,
      readyScore: READY_SCORE,
      pacePerDay: result.pacePerDay,
      projectedReadyDate: result.projectedReadyDate,
      onTrack: result.onTrack,
      history: stored.readinessHistory,
      today,
    };
  }
}
