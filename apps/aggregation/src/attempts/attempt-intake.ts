import { Injectable } from '@nestjs/common';
import type { SubmissionNormalizedPayload } from '@prepmate/contracts';
import { UserTombstones, WriteBatcher } from '@prepmate/messaging';
import { AggregationQueue } from '../jobs/aggregation-queue';
import { AttemptStore } from './attempt.store';

const MAX_BATCH = 500;
const CONCURRENT_BATCHES = 2;

/**
 * Takes normalized submissions in: the ones that arrive together are stored together (a
 * redelivery is a duplicate and ignored), then each of their users gets the windowed
 * aggregation job (AggregationQueue). The job is scheduled even for duplicates: a redelivery may follow a crash
 * between the insert and the scheduling. Attempts of a deleted user still in flight are
 * dropped.
 */
@Injectable()
export class AttemptIntake {
  private readonly batcher: WriteBatcher<SubmissionNormalizedPayload, boolean>;

  constructor(
    private readonly attempts: AttemptStore,
    private readonly queue: AggregationQueue,
    private readonly tombstones: UserTombstones,
  ) {
    this.batcher = new WriteBatcher(
      async (items) => {
        await this.storeAndSchedule(items);
        return items.map(() => true);
      },
      MAX_BATCH,
      CONCURRENT_BATCHES,
    );
  }

  /** Resolves once the attempt is stored (or dropped) and its user's job scheduled. */
  async take(attempt: SubmissionNormalizedPayload): Promise<void> {
    await this.batcher.add(attempt);
  }

  private async storeAndSchedule(items: SubmissionNormalizedPayload[]): Promise<void> {
    const live = await this.tombstones.keepLive(items);
    if (live.length > 0) await this.attempts.insert(live);
    const users = [...new Set(live.map((item) => item.userId))];
    await this.tombstones.eraseIfDeleted(users);
    await Promise.all(users.map((userId) => this.queue.schedule(userId)));
  }
}
