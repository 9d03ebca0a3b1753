import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Platform } from '@prepmate/contracts';
import { BackgroundAssertion } from '@prepmate/platform';
import type { Queue } from 'bullmq';
import { IngestionConfig } from '../ingestion.config';
import type { SyncJob } from './sync-runner';

/** The scheduler's queue: the retry and automatic scans (and syncs enqueued by older versions). */
export const SYNC_QUEUE = 'ingestion-sync';
/** Syncs run on one queue per platform, each with its own concurrency and rate limit. */
export const CODEFORCES_SYNC_QUEUE = 'ingestion-sync-codeforces';
export const LEETCODE_SYNC_QUEUE = 'ingestion-sync-leetcode';
export const SYNC_JOB = 'sync';
export const RETRY_SCAN_JOB = 'retry-scan';
export const AUTO_SCAN_JOB = 'auto-scan';
export const RETRY_SCAN_SCHEDULER = 'sync-retry-scan';
export const AUTO_SCAN_SCHEDULER = 'sync-auto-scan';

/**
 * The producer side of the sync queues (BullMQ, registered in IngestionModule): syncs are jobs
 * on their platform's queue; two job schedulers add the retry scan (every
 * SYNC_SCHEDULER_INTERVAL_MS) and the automatic scan (every SYNC_AUTO_SCAN_INTERVAL_MS), shared
 * by replicas (a scheduler is one Redis entry, upserted by each).
 */
@Injectable()
export class SyncQueue implements OnModuleInit, OnModuleDestroy {
  private readonly schedulers: BackgroundAssertion;
  private readonly platformQueues: ReadonlyMap<Platform, Queue>;

  constructor(
    @InjectQueue(SYNC_QUEUE) readonly queue: Queue,
    @InjectQueue(CODEFORCES_SYNC_QUEUE) codeforces: Queue,
    @InjectQueue(LEETCODE_SYNC_QUEUE) leetcode: Queue,
    private readonly config: IngestionConfig,
  ) {
    this.platformQueues = new Map<Platform, Queue>([
      ['codeforces', codeforces],
      ['leetcode', leetcode],
    ]);
    // Re-asserted as often as the more frequent one fires: a Redis that lost them (flushed,
    // failed over) gets them back. What is due lives in the database (`nextSyncAt`), so
    // nothing else is lost with Redis.
    this.schedulers = new BackgroundAssertion(() => this.assertSchedulers(), {
      reassertEveryMs: Math.min(
        config.SYNC_SCHEDULER_INTERVAL_MS,
        config.SYNC_AUTO_SCAN_INTERVAL_MS,
      ),
    });
  }

  /** In the background: a Redis that is down at start does not hold the service's start. */
  onModuleInit(): void {
    this.schedulers.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.schedulers.stop();
  }

  /** Creates or updates the scans' job schedulers (idempotent). */
  async assertSchedulers(): Promise<void> {
    const opts = { removeOnComplete: 100, removeOnFail: 100 };
    await this.queue.upsertJobScheduler(
      RETRY_SCAN_SCHEDULER,
      { every: this.config.SYNC_SCHEDULER_INTERVAL_MS },
      { name: RETRY_SCAN_JOB, opts },
    );
    await this.queue.upsertJobScheduler(
      AUTO_SCAN_SCHEDULER,
      { every: this.config.SYNC_AUTO_SCAN_INTERVAL_MS },
      { name: AUTO_SCAN_JOB, opts },
    );
  }

  /** The queue a platform's syncs run on. */
  queueOf(platform: Platform): Queue {
    const queue = this.platformQueues.get(platform);
    if (!queue) throw new Error(`${platform} has no sync queue`);
    return queue;
  }

  /**
   * Whether the sync's job can still run (waiting, delayed or running). A job that is gone
   * (Redis lost it) or finished without its state being released (its worker was killed) is
   * not, and its running mark must not block the next sync.
   */
  async isAlive(platform: Platform, syncBatchId: string): Promise<boolean> {
    const job =
      (await this.queueOf(platform).getJob(syncBatchId)) ?? (await this.queue.getJob(syncBatchId));
    if (!job) return false;
    const state = await job.getState();
    return !['completed', 'failed', 'unknown'].includes(state);
  }

  async enqueue(job: SyncJob): Promise<void> {
    await this.queueOf(job.platform).add(SYNC_JOB, job, {
      jobId: job.syncBatchId,
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }
}
