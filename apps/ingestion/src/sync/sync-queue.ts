import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
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
export class SyncQueue implements OnModuleInit {
  constructor(
    @InjectQueue(SYNC_QUEUE) readonly queue: Queue,
    private readonly config: IngestionConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'sync-retry-scan',
      { every: this.config.SYNC_SCHEDULER_INTERVAL_MS },
      { name: RETRY_SCAN_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async enqueue(job: SyncJob): Promise<void> {
    await this.queue.add(SYNC_JOB, job, {
      jobId: job.syncBatchId,
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }
}
