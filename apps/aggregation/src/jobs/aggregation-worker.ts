import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { UserTombstones } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AggregateStore } from '../aggregates/aggregate-store';
import { AggregationConfig } from '../aggregation.config';
import {
  AGGREGATION_QUEUE,
  AggregationQueue,
  bullConnection,
  bullPrefix,
  RECOMPUTE_SCAN_JOB,
  USER_JOB,
  type UserJobData,
} from './aggregation-queue';
import { UserAggregation } from './user-aggregation';

/**
 * The consumer side: runs user jobs and the periodic scan. A replica that dies mid-job stops
 * renewing the job's lock; after AGGREGATION_JOB_LOCK_MS another replica's stalled-job check
 * moves it back to waiting and runs it again (safe: see UserAggregation).
 */
@Injectable()
export class AggregationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<UserJobData>;
  private connection?: Redis;
  private readonly log: Logger;

  constructor(
    private readonly config: AggregationConfig,
    private readonly aggregation: UserAggregation,
    private readonly aggregates: AggregateStore,
    private readonly queue: AggregationQueue,
    private readonly tombstones: UserTombstones,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'aggregation-worker' });
  }

  onApplicationBootstrap(): void {
    this.connection = bullConnection(this.config);
    this.worker = new Worker<UserJobData>(AGGREGATION_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: bullPrefix(this.config),
      concurrency: this.config.AGGREGATION_WORKER_CONCURRENCY,
      lockDuration: this.config.AGGREGATION_JOB_LOCK_MS,
      stalledInterval: this.config.AGGREGATION_JOB_LOCK_MS,
    });
    this.worker.on('failed', (job, error) =>
      this.log.warn(
        { jobId: job?.id, userId: job?.data.userId, err: error.message },
        'aggregation job failed',
      ),
    );
    this.worker.on('stalled', (jobId) =>
      this.log.warn({ jobId }, 'aggregation job stalled; it will run again'),
    );
    this.worker.on('error', (error) =>
      this.log.warn({ err: error.message }, 'aggregation worker error'),
    );
  }

  private async process(job: Job<UserJobData>): Promise<unknown> {
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
    throw new Error(`unknown job ${job.name}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    this.connection?.disconnect();
  }
}
