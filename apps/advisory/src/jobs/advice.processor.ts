import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { type AdviceSource, AdviceService } from '../advice/advice.service';
import { ADVICE_QUEUE } from './bull-connection';

/** Runs the debounced advice refreshes (rules only). */
@Processor(ADVICE_QUEUE, { concurrency: 4 })
export class AdviceProcessor extends WorkerHost {
  private readonly log: Logger;

  constructor(
    private readonly advice: AdviceService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'advice-processor' });
  }

  async process(job: Job<AdviceSource>): Promise<void> {
    const started = performance.now();
    await this.advice.refresh(job.data);
    this.log.info(
      { userId: job.data.userId, ms: Math.round(performance.now() - started) },
      'advice refreshed',
    );
  }
}
