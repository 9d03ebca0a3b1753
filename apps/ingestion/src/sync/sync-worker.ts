import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { IngestionConfig } from '../ingestion.config';
import { bullConnection, bullPrefix, RETRY_SCAN_JOB, SYNC_JOB, SYNC_QUEUE } from './sync-queue';
import { type SyncJob, SyncRunner } from './sync-runner';
import { SyncService } from './sync.service';

/** The consumer side of the sync queue: runs syncs and the scheduler's retry scans. */
@Injectable()
export class SyncWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;
  private connection?: Redis;
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    private readonly runner: SyncRunner,
    private readonly sync: SyncService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'sync-worker' });
  }

  onApplicationBootstrap(): void {
    this.connection = bullConnection(this.config);
    this.worker = new Worker(SYNC_QUEUE, (job: Job) => this.process(job), {
      connection: this.connection,
      prefix: bullPrefix(this.config),
      concurrency: this.config.SYNC_WORKER_CONCURRENCY,
    });
    this.worker.on('failed', (job, error) =>
      this.log.warn({ jobId: job?.id, name: job?.name, err: error.message }, 'sync job failed'),
    );
    this.worker.on('error', (error) => this.log.warn({ err: error.message }, 'sync worker error'));
  }

  private async process(job: Job): Promise<unknown> {
    if (job.name === SYNC_JOB) return this.runner.run(job.data as SyncJob);
    if (job.name === RETRY_SCAN_JOB) return { started: await this.sync.startRetryReady() };
    throw new Error(`unknown job ${job.name}`);
  }

  /** Lets running syncs finish (BullMQ waits for active jobs), then closes the connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    this.connection?.disconnect();
  }
}
