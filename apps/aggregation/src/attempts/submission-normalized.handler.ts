import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, SubmissionNormalizedPayload } from '@prepmate/contracts';
import { UserTombstones, WriteBatcher } from '@prepmate/messaging';
import { AggregationQueue } from '../jobs/aggregation-queue';
import { AttemptStore } from './attempt.store';

const MAX_BATCH = 500;
const CONCURRENT_BATCHES = 2;

/**
 * `submission.normalized`: the deliveries in flight are stored together (a redelivery is a
 * duplicate and ignored), then each of their users gets the debounced aggregation job; the
 * messages are acknowledged after both. The job is scheduled even for duplicates: a
 * redelivery may follow a crash between the insert and the scheduling.
 */
@Controller()
export class SubmissionNormalizedHandler {
  private readonly batcher: WriteBatcher<SubmissionNormalizedPayload, boolean>;

  constructor(attempts: AttemptStore, queue: AggregationQueue, tombstones: UserTombstones) {
    this.batcher = new WriteBatcher(
      async (items) => {
        // Attempts of a deleted user still in flight are dropped (acknowledged, not stored).
        const live = await tombstones.keepLive(items);
        if (live.length > 0) await attempts.insert(live);
        const users = [...new Set(live.map((item) => item.userId))];
        await tombstones.eraseIfDeleted(users);
        await Promise.all(users.map((userId) => queue.schedule(userId)));
        return items.map(() => true);
      },
      MAX_BATCH,
      CONCURRENT_BATCHES,
    );
  }

  @EventPattern('submission.normalized')
  async onNormalized(@Payload() event: EventEnvelope<'submission.normalized'>): Promise<void> {
    await this.batcher.add(event.payload);
  }
}
