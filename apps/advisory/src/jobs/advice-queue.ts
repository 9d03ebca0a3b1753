import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AdvisoryConfig } from '../advisory.config';
import type { AdviceSource } from '../advice/advice.service';
import { ADVICE_QUEUE, REFRESH_ADVICE_JOB } from './bull-connection';

/**
 * Schedules a user's advice refresh after the debounce window: one delayed job per user
 * (deduplication in debounce mode: a newer `pci.recomputed` replaces the waiting job and
 * restarts the window; `keepLastIfActive` leaves exactly one follow-up while one runs).
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
        extend: true,
        replace: true,
        keepLastIfActive: true,
      },
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: 1_000,
      removeOnFail: 1_000,
    });
  }
}
