import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, SubmissionIngestedPayload } from '@prepmate/contracts';
import { MalformedEventError, UserTombstones, WriteBatcher } from '@prepmate/messaging';
import { ingestedPayloadFaults } from '../domain/ingested-shape';
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
 * never blocks the queue. A payload that breaks the event's contract is dead-lettered at once.
 */
@Controller()
export class SubmissionIngestedHandler {
  private readonly batcher: WriteBatcher<SubmissionIngestedPayload, NormalizeOutcome>;

  constructor(normalizer: Normalizer, tombstones: UserTombstones) {
    this.batcher = new WriteBatcher(
      async (items) => {
        // Submissions of a deleted user still in flight are dropped, not normalized.
        const live = await tombstones.keepLive(items);
        const normalized = await normalizer.normalizeBatch(live);
        // A user deleted while the batch was written: what was stored for them goes again.
        await tombstones.eraseIfDeleted(live.map((item) => item.userId));
        if (live.length === items.length) return normalized;
        const outcomes = new Map(normalized.map((outcome) => [outcome.submissionId, outcome]));
        return items.map(
          (item) =>
            outcomes.get(item.submissionId) ?? {
              submissionId: item.submissionId,
              canonicalProblemId: null,
              failure: 'the user was deleted',
            },
        );
      },
      MAX_BATCH,
      CONCURRENT_BATCHES,
    );
  }

  @EventPattern('submission.ingested')
  async onIngested(@Payload() event: EventEnvelope<'submission.ingested'>): Promise<void> {
    // A payload that breaks the contract never joins a batch: it is dead-lettered alone.
    const faults = ingestedPayloadFaults(event.payload);
    if (faults.length > 0) throw new MalformedEventError(faults);
    await this.batcher.add(event.payload);
  }
}
