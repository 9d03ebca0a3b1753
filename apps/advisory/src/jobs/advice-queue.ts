import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AdvisoryConfig } from '../advisory.config';
import type { AdviceSource } from '../advice/advice.service';
import { ADVICE_QUEUE, REFRESH_ADVICE_JOB } from './bull-connection';

/**
 * Schedules a user's advice refresh after the debounce window: one delayed job per user
 * (BullMQ deduplication in debounce mode: within the window a newer `pci.recomputed` replaces
 * the waiting job's data and restarts the window). An event arriving while a refresh runs
 * starts another one; two refreshes of one user may then overlap, which the advice's
 * high-water mark makes harmless (the newer source wins).
 */
@Injectable()
export class AdviceQueue {
  constructor(
    @InjectQueue(ADVICE_QUEUE) private readonly queue: Queue<AdviceSource>,
    private readonly config: AdvisoryConfig,
  ) {}

  async schedule(source: AdviceSource): Promise<void> {
    await this.queue.add(REFRESH_ADVICE_JOB, source, {
      delay: this.config.ADVISORY_ADVICE_DEBOUNCE_MS,
      deduplication: {
        id: source.userId,
        ttl: Math.max(1, this.config.ADVISORY_ADVICE_DEBOUNCE_MS),
        extend: true,
        replace: true,
      },
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: 1_000,
      removeOnFail: 1_000,
    });
  }
}
