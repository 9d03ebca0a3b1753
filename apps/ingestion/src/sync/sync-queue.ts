import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { IngestionConfig } from '../ingestion.config';
import type { SyncJob } from './sync-runner';

export const SYNC_QUEUE = 'ingestion-sync';
export const SYNC_JOB = 'sync';
export const RETRY_SCAN_JOB = 'retry-scan';

/**
 * The producer side of the sync queue (BullMQ, registered in IngestionModule): user-triggered
 * and retry syncs are jobs, and a job scheduler adds a retry scan every
 * SYNC_SCHEDULER_INTERVAL_MS (shared by replicas: the scheduler is one Redis entry, upserted
 * by each).
 */
@Injectable()
export class SyncQueue implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(SYNC_QUEUE) readonly queue: Queue,
    private readonly config: IngestionConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.assertSchedulers();
  }

  /** The scheduler is re-asserted as often as it fires: a Redis that lost it gets it back. */
  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.assertSchedulers().catch(() => undefined),
      this.config.SYNC_SCHEDULER_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Creates or updates the retry scan's job scheduler (idempotent). */
  async assertSchedulers(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'sync-retry-scan',
      { every: this.config.SYNC_SCHEDULER_INTERVAL_MS },
      { name: RETRY_SCAN_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  /**
   * Whether the sync's job can still run (waiting, delayed or running). A job that is gone
   * (Redis lost it) or finished without its state being released (its worker was killed) is
   * not, and its running mark must not block the next sync.
   */
  async isAlive(syncBatchId: string): Promise<boolean> {
    const job = await this.queue.getJob(syncBatchId);
    if (!job) return false;
    const state = await job.getState();
    return !['completed', 'failed', 'unknown'].includes(state);
  }

  async enqueue(job: SyncJob): Promise<void> {
    await this.queue.add(SYNC_JOB, job, {
      jobId: job.syncBatchId,
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }
}
