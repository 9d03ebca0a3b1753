import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { AUTO_SCAN_JOB, RETRY_SCAN_JOB, SYNC_JOB, SYNC_QUEUE } from './sync-queue';
import { type SyncJob, SyncRunner } from './sync-runner';
import { SyncService } from './sync.service';

/**
 * The consumer side of the scheduler's queue (a @nestjs/bullmq processor; its concurrency
 * comes from SYNC_WORKER_CONCURRENCY, see IngestionModule): the retry and automatic scans,
 * and syncs an older version enqueued here. On shutdown BullMQ lets running jobs finish.
 */
@Processor(SYNC_QUEUE)
export class SyncWorker extends WorkerHost {
  private readonly log: Logger;

  constructor(
    private readonly runner: SyncRunner,
    private readonly sync: SyncService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'sync-worker' });
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === SYNC_JOB) return this.runner.run(job.data as SyncJob);
    if (job.name === RETRY_SCAN_JOB) return { started: await this.sync.startRetryReady() };
    if (job.name === AUTO_SCAN_JOB) return { started: await this.sync.startDue() };
    throw new Error(`unknown job ${job.name}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.log.warn({ jobId: job?.id, name: job?.name, err: error.message }, 'sync job failed');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.log.warn({ err: error.message }, 'sync worker error');
  }
}
