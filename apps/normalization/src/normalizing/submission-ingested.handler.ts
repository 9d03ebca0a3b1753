import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, SubmissionIngestedPayload } from '@prepmate/contracts';
import { WriteBatcher } from '@prepmate/messaging';
import { type NormalizeOutcome, Normalizer } from './normalizer';

/** Submissions normalized per batch at most (prefetch bounds it too). */
const MAX_BATCH = 500;
/**
 * Batches one replica writes at once: the next batch forms while one waits on the database.
 * A new problem in both is settled by the mapping's unique index, as between replicas.
 */
const CONCURRENT_BATCHES = 2;

/**
 * `submission.ingested`: the deliveries in flight are normalized together (two batches at a
 * time per replica), and each message is acknowledged once its batch is stored. A problem
 * that cannot be normalized is held for an admin; the message is still acknowledged, so it
 * never blocks the queue.
 */
@Controller()
export class SubmissionIngestedHandler {
  private readonly batcher: WriteBatcher<SubmissionIngestedPayload, NormalizeOutcome>;

  constructor(normalizer: Normalizer) {
    this.batcher = new WriteBatcher(
      (items) => normalizer.normalizeBatch(items),
      MAX_BATCH,
      CONCURRENT_BATCHES,
    );
  }

  @EventPattern('submission.ingested')
  async onIngested(@Payload() event: EventEnvelope<'submission.ingested'>): Promise<void> {
    await this.batcher.add(event.payload);
  }
}
