import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { BackgroundAssertion, ROOT_LOGGER } from '@prepmate/platform';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { AdvisoryConfig } from '../advisory.config';
import { InferenceLogStore } from '../inference/inference-log.store';
import { DROP_BODIES_JOB, MAINTENANCE_QUEUE } from './bull-connection';

const DAY_MS = 86_400_000;

/**
 * Drops the bodies of inference logs past the retention window (30 days), every
 * INFERENCE_PRUNE_EVERY_MS through a BullMQ job scheduler (one schedule for all replicas).
 * FerretDB has no TTL index, hence a job.
 */
@Processor(MAINTENANCE_QUEUE)
export class RetentionProcessor extends WorkerHost implements OnModuleInit, OnModuleDestroy {
  private readonly log: Logger;
  private readonly scheduler = new BackgroundAssertion(() =>
    this.queue.upsertJobScheduler(
      DROP_BODIES_JOB,
      { every: this.config.INFERENCE_PRUNE_EVERY_MS },
      { name: DROP_BODIES_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    ),
  );

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly logs: InferenceLogStore,
    private readonly config: AdvisoryConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'inference-retention' });
  }

  /** In the background: a Redis that is down at start does not hold the service's start. */
  onModuleInit(): void {
    this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
  }

  async process(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.INFERENCE_BODY_RETENTION_DAYS * DAY_MS);
    const dropped = await this.logs.dropBodiesBefore(cutoff);
    if (dropped > 0)
      this.log.info({ dropped, before: cutoff.toISOString() }, 'inference bodies dropped');
    return dropped;
  }
}
