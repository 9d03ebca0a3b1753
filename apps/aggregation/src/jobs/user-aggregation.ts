import { Inject, Injectable } from '@nestjs/common';
import type { AggregatedTopic } from '@prepmate/contracts';
import { createEvent } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AggregateStore } from '../aggregates/aggregate.store';
import { MasteryPopulationStore } from '../aggregates/mastery-population.store';
import { AggregationConfig } from '../aggregation.config';
import { AttemptStore } from '../attempts/attempt.store';
import type { Attempt } from '../domain/attempt';
import { successRate } from '../domain/topic-metrics';
import { Engagement } from '../engage/engagement';
import {
  advance,
  appliesInOrder,
  changedTopics,
  recompute,
  solvedByDifficulty,
  type UserAggregate,
} from '../domain/user-aggregate';

export interface AggregationOutcome {
  mode: 'incremental' | 'recompute' | 'idle';
  applied: number;
  changedTopics: string[];
}

/**
 * One user's aggregation job: takes in the attempts not applied yet (incrementally when they
 * all come after the last applied one, else by recomputing the user), stores the aggregate
 * with its `topic.aggregated` event (outbox), then marks the attempts applied. A job killed
 * anywhere in between leaves attempts unmarked; its retry sees them at or before the stored
 * position, recomputes, finds nothing changed and counts nothing twice. The aggregate is
 * saved against the version read: two runs for one user (a stalled job run again while the
 * first is still alive) cannot store the older result last.
 */
@Injectable()
export class UserAggregation {
  private readonly log: Logger;

  constructor(
    private readonly attempts: AttemptStore,
    private readonly aggregates: AggregateStore,
    private readonly population: MasteryPopulationStore,
    private readonly config: AggregationConfig,
    private readonly engagement: Engagement,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'user-aggregation' });
  }

  async run(userId: string, fullRecompute = false): Promise<AggregationOutcome> {
    const started = Date.now();
    const [{ aggregate: current, version }, pending] = await Promise.all([
      this.aggregates.loadVersioned(userId),
      this.attempts.pending(userId),
    ]);
    if (pending.length === 0 && !fullRecompute)
      return { mode: 'idle', applied: 0, changedTopics: [] };

    const needsHistory = fullRecompute || !appliesInOrder(current, pending);
    const all = needsHistory ? await this.attempts.all(userId) : [];
    const result = fullRecompute
      ? this.recomputeFrom(current, all)
      : advance(current, pending, () => all, this.config.bkt);

    const changed = result.changedTopics.length > 0;
    // The percentile population gets the mastery of every topic these attempts touched, not
    // only the changed ones: a retry after a crash between the two writes finds nothing
    // changed, and still repairs it (topics already counted at that mastery cost one read).
    // It goes first, so a reader who sees the new stats ranks them in an up-to-date
    // population; the attempts stay pending until both are stored.
    await this.population.set(
      userId,
      masteriesOf(result.aggregate, [
        ...result.changedTopics,
        ...pending.flatMap((attempt) => attempt.topics),
      ]),
    );
    if (changed)
      await this.aggregates.save(userId, result.aggregate, this.event(userId, result), version);
    if (changed) this.failpoint();
    // Accepted attempts count for the streak and the week's goals before they are marked
    // applied: a retry records them again, which changes nothing (days and problems are sets).
    await this.engagement.recordAttempts(userId, pending, result.aggregate);
    await Promise.all([
      changed ? this.aggregates.relayPending(userId) : undefined,
      this.attempts.markApplied(
        userId,
        pending.map((attempt) => attempt.submissionId),
      ),
    ]);
    this.log.info(
      {
        userId,
        mode: result.mode,
        applied: pending.length,
        changedTopics: result.changedTopics.length,
        durationMs: Date.now() - started,
      },
      'user aggregated',
    );
    return { mode: result.mode, applied: pending.length, changedTopics: result.changedTopics };
  }

  private recomputeFrom(current: UserAggregate, all: Attempt[]) {
    const aggregate = recompute(all, this.config.bkt);
    return {
      aggregate,
      changedTopics: changedTopics(current, aggregate),
      mode: 'recompute' as const,
    };
  }

  private event(userId: string, result: { aggregate: UserAggregate; changedTopics: string[] }) {
    const topics: AggregatedTopic[] = result.changedTopics.map((topic) => {
      const state = result.aggregate.topics[topic];
      return {
        topic,
        estimatedMastery: state?.mastery ?? this.config.bkt.initial,
        totalAttempts: state?.totalAttempts ?? 0,
        successfulAttempts: state?.successfulAttempts ?? 0,
        successRate: state ? successRate(state.successfulAttempts, state.totalAttempts) : 0,
        lastActivity:
          state?.lastActivity != null ? new Date(state.lastActivity).toISOString() : null,
      };
    });
    return createEvent(
      'topic.aggregated',
      {
        userId,
        topics,
        solvedByDifficulty: solvedByDifficulty(result.aggregate),
        aggregatedAt: new Date().toISOString(),
      },
      'aggregation',
    );
  }

  /** The crash test's kill switch (never in production; see AggregationConfig). */
  private failpoint(): void {
    if (
      this.config.AGGREGATION_FAILPOINT === 'kill-after-state-write' &&
      this.config.NODE_ENV !== 'production'
    ) {
      this.log.warn('failpoint: killing the process after the state write');
      process.kill(process.pid, 'SIGKILL');
    }
  }
}

/** The mastery of each of these topics the aggregate has (each topic once). */
function masteriesOf(
  aggregate: UserAggregate,
  topics: string[],
): Array<{ topic: string; mastery: number }> {
  return [...new Set(topics)]
    .filter((topic) => aggregate.topics[topic])
    .map((topic) => ({ topic, mastery: aggregate.topics[topic].mastery }));
}
