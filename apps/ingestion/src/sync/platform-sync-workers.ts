import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { CODEFORCES_SYNC_QUEUE, LEETCODE_SYNC_QUEUE } from './sync-queue';
import { type SyncJob, SyncRunner } from './sync-runner';

/**
 * Runs the syncs of one platform. Each platform's queue has its own worker options
 * (SYNC_<PLATFORM>_CONCURRENCY per replica, SYNC_<PLATFORM>_RATE per SYNC_RATE_WINDOW_MS across replicas, see
 * IngestionModule), so one platform's backlog never spends another's politeness budget.
 */
@Injectable()
abstract class PlatformSyncWorker extends WorkerHost {
  private readonly log: Logger;

  constructor(
    private readonly runner: SyncRunner,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'sync-worker' });
  }

  process(job: Job<SyncJob>): Promise<void> {
    return this.runner.run(job.data);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.log.warn({ jobId: job?.id, err: error.message }, 'sync job failed');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.log.warn({ err: error.message }, 'sync worker error');
  }
}

@Processor(CODEFORCES_SYNC_QUEUE)
export class CodeforcesSyncWorker extends PlatformSyncWorker {}

@Processor(LEETCODE_SYNC_QUEUE)
export class LeetCodeSyncWorker extends PlatformSyncWorker {}
