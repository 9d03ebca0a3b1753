import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { PairKey } from '../domain/pair-key';
import { SynergyConfig } from '../synergy.config';

export const PAIR_QUEUE = 'synergy-pairs';
export const PAIR_JOB = 'recompute-pair';

export type PairJobData = PairKey;

/**
 * The producer side of the pair recompute queue (BullMQ). A pair has at most one job waiting:
 * the first change schedules it one debounce window ahead and deduplication (by pair id) folds
 * every later change into it, so a pair is recomputed at most once per window and at most one
 * window after its first change. A change arriving while the pair's job runs leaves exactly
 * one follow-up job (keepLastIfActive), so nothing that job did not read is lost.
 */
@Injectable()
export class PairQueue {
  constructor(
    @InjectQueue(PAIR_QUEUE) readonly queue: Queue<PairJobData>,
    private readonly config: SynergyConfig,
  ) {}

  async schedule(pair: PairKey): Promise<void> {
    await this.queue.add(PAIR_JOB, pair, {
      delay: this.config.SYNERGY_PAIR_DEBOUNCE_MS,
      deduplication: { id: pair.id, keepLastIfActive: true },
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: 1_000,
      removeOnFail: 1_000,
    });
  }

  async scheduleAll(pairs: readonly PairKey[]): Promise<void> {
    for (const pair of pairs) await this.schedule(pair);
  }
}
