import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PeriodicSweep, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AttemptStore } from '../attempts/attempt.store';
import { AggregationConfig } from '../aggregation.config';
import { AggregationQueue } from './aggregation-queue';

export interface SweepOutcome {
  /** Users with pending attempts older than the grace period. */
  waiting: number;
  /** Of those, users that had no job and got one. */
  rescheduled: number;
}

/**
 * The database side of "no attempt is left behind" (docs/reliability.md#aggregation-work):
 * the BullMQ job of a user can be lost (its 5 tries exhausted during a database outage, or
 * Redis data lost), while its attempts wait in `pending_attempts`. Every
 * AGGREGATION_SWEEP_EVERY_MS each replica
 * - re-asserts the periodic recompute's job scheduler (gone after a Redis flush), and
 * - finds the users whose pending attempts are older than AGGREGATION_PENDING_GRACE_MS and
 *   schedules a job for each that has none (the per-user deduplication id tells);
 * - when Redis lost the queue's data (its marker key is gone: a flush, or the first start),
 *   takes every user with pending attempts, however recent, and then marks the data again:
 *   lost work is rescheduled within one sweep interval instead of the grace plus one.
 * Replicas sweeping together schedule each user at most once (deduplication); a job that
 * finds nothing pending does nothing.
 */
@Injectable()
export class PendingSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private readonly periodic: PeriodicSweep;

  constructor(
    private readonly attempts: AttemptStore,
    private readonly queue: AggregationQueue,
    private readonly config: AggregationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'pending-sweep' });
    this.periodic = new PeriodicSweep(
      () => this.sweep(),
      config.AGGREGATION_SWEEP_EVERY_MS,
      (error) => this.log.warn({ err: error.message }, 'pending sweep failed; retried next time'),
    );
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  async sweep(now = new Date()): Promise<SweepOutcome> {
    await this.queue.assertSchedulers();
    const dataLost = await this.queue.dataLost();
    const grace = dataLost ? 0 : this.config.AGGREGATION_PENDING_GRACE_MS;
    const users = await this.attempts.usersPendingSince(new Date(now.getTime() - grace));
    let rescheduled = 0;
    for (const userId of users) {
      if (await this.queue.hasJob(userId)) continue;
      await this.queue.schedule(userId);
      rescheduled += 1;
    }
    if (dataLost) await this.queue.markDataKept();
    if (rescheduled > 0)
      this.log.warn(
        { waiting: users.length, rescheduled, redisDataLost: dataLost },
        'pending attempts had no aggregation job; scheduled them again',
      );
    return { waiting: users.length, rescheduled };
  }
}
