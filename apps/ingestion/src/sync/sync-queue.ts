import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { IngestionConfig } from '../ingestion.config';
import type { SyncJob } from './sync-runner';

export const SYNC_QUEUE = 'ingestion-sync';
export const SYNC_JOB = 'sync';
export const RETRY_SCAN_JOB = 'retry-scan';

export function bullPrefix(config: IngestionConfig): string {
  return `${config.REDIS_KEY_PREFIX}bull`;
}

export function bullConnection(config: IngestionConfig): Redis {
  return new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
}

/**
 * The producer side of the sync queue (BullMQ): user-triggered and retry syncs are jobs, and
 * a job scheduler adds a retry scan every SYNC_SCHEDULER_INTERVAL_MS (shared by replicas:
 * the scheduler is one Redis entry, upserted by each).
 */
@Injectable()
export class SyncQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue;

  constructor(private readonly config: IngestionConfig) {
    this.connection = bullConnection(config);
    this.queue = new Queue(SYNC_QUEUE, { connection: this.connection, prefix: bullPrefix(config) });
  }

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

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}
