import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UserTombstones } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { AggregateStore } from '../aggregates/aggregate.store';
import { AggregationConfig } from '../aggregation.config';
import {
  AGGREGATION_QUEUE,
  AggregationQueue,
  ENGAGE_CHECK_JOB,
  RECOMPUTE_SCAN_JOB,
  USER_JOB,
  type UserJobData,
} from './aggregation-queue';
import { ReminderChecks } from '../engage/reminder-checks';
import { UserAggregation } from './user-aggregation';

/**
 * The consumer side: runs user jobs and the periodic scan (a @nestjs/bullmq processor; its
 * concurrency and lock come from the configuration, see AggregationModule). A replica that
 * dies mid-job stops renewing the job's lock; after AGGREGATION_JOB_LOCK_MS another
 * replica's stalled-job check moves it back to waiting and runs it again (safe: see
 * UserAggregation).
 */
@Processor(AGGREGATION_QUEUE)
export class AggregationWorker extends WorkerHost {
  private readonly log: Logger;

  constructor(
    private readonly config: AggregationConfig,
    private readonly aggregation: UserAggregation,
    private readonly aggregates: AggregateStore,
    private readonly queue: AggregationQueue,
    private readonly tombstones: UserTombstones,
    private readonly reminders: ReminderChecks,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'aggregation-worker' });
  }

  async process(job: Job<UserJobData>): Promise<unknown> {
    if (job.name === USER_JOB) {
      if (await this.tombstones.isDeleted(job.data.userId)) return { skipped: 'user deleted' };
      const outcome = await this.aggregation.run(job.data.userId, job.data.recompute === true);
      await this.tombstones.eraseIfDeleted([job.data.userId]);
      return outcome;
    }
    if (job.name === RECOMPUTE_SCAN_JOB) {
      const users = await this.aggregates.activeSince(
        new Date(Date.now() - this.config.AGGREGATION_ACTIVE_WINDOW_MS),
      );
      for (const userId of users) await this.queue.schedule(userId, true);
      this.log.info({ users: users.length }, 'periodic recompute scheduled');
      return { users: users.length };
    }
    if (job.name === ENGAGE_CHECK_JOB) return this.reminders.runDue();
    throw new Error(`unknown job ${job.name}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<UserJobData> | undefined, error: Error): void {
    this.log.warn(
      { jobId: job?.id, userId: job?.data.userId, err: error.message },
      'aggregation job failed',
    );
  }

  @OnWorkerEvent('stalled')
  onStalled(jobId: string): void {
    this.log.warn({ jobId }, 'aggregation job stalled; it will run again');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.log.warn({ err: error.message }, 'aggregation worker error');
  }
}
