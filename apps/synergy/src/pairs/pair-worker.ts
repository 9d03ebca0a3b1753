import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { SynergyConfig } from '../synergy.config';
import { PairRecompute } from './pair-recompute';
import { PAIR_QUEUE, type PairJobData } from './pair-queue';

/**
 * Runs pair jobs. A replica that dies mid-job stops renewing its 30 s lock; another replica
 * (or this one restarted) takes the stalled job over and recomputes the pair from what is
 * stored, which gives the same result.
 */
@Processor(PAIR_QUEUE, { lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3 })
export class PairWorker extends WorkerHost implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly recompute: PairRecompute,
    private readonly config: SynergyConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'pair-worker' });
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.SYNERGY_WORKER_CONCURRENCY;
  }

  async process(job: Job<PairJobData>): Promise<void> {
    try {
      await this.recompute.run(job.data);
    } catch (error) {
      this.log.warn(
        { err: (error as Error).message, pairId: job.data.id, attempt: job.attemptsMade + 1 },
        'pair recompute failed; retried',
      );
      throw error;
    }
  }
}
