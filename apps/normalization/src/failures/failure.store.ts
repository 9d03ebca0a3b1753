import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { SubmissionIngestedPayload } from '@prepmate/contracts';
import { createEvent, OutboxRelay, withPendingEvents } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import {
  NORMALIZATION_FAILURE_MODEL,
  type NormalizationFailureDocument,
} from './normalization-failure.schema';
import { isDuplicateKeyError } from '@prepmate/platform';

/**
 * Holds submissions whose platform problem could not be normalized, with the raw problem and
 * the reason, and publishes `problem.normalization_failed` for each (outbox).
 */
@Injectable()
export class FailureStore implements OnModuleInit {
  constructor(
    @InjectModel(NORMALIZATION_FAILURE_MODEL)
    private readonly model: Model<NormalizationFailureDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  /** The failures holding submissions of the user. */
  holdingUser(userId: string): Promise<NormalizationFailureDocument[]> {
    return this.model.find({ 'held.userId': userId }).lean<NormalizationFailureDocument[]>();
  }

  /** Held submissions live in arrays; FerretDB's $pull cannot match by a field, so rewrite them. */
  async deleteHeldOf(userId: string): Promise<number> {
    let removed = 0;
    for (const failure of await this.holdingUser(userId)) {
      const kept = failure.held.filter((item) => item.userId !== userId);
      removed += failure.held.length - kept.length;
      await this.model.updateOne({ _id: failure._id }, { $set: { held: kept } });
    }
    return removed;
  }

  /**
   * Adds the items to the open failure of their platform problem and publishes their events
   * (a relay that fails leaves them to the sweep). Returns false when that failure was
   * resolved meanwhile (its mapping exists now: normalize the items again).
   */
  async hold(key: string, items: SubmissionIngestedPayload[], reason: string): Promise<boolean> {
    const sample = items[0];
    const now = new Date();
    const events = items.map((item) =>
      createEvent(
        'problem.normalization_failed',
        {
          submissionId: item.submissionId,
          userId: item.userId,
          platform: item.platform,
          platformProblemId: item.problem.platformProblemId,
          reason,
        },
        'normalization',
      ),
    );
    try {
      await this.model.updateOne(
        // Held also while an admin's resolution runs: its `normalize` step reads them once the
        // failure is closed.
        { _id: key, status: { $in: ['open', 'resolving'] } },
        withPendingEvents(
          {
            $set: { lastSeen: now, reason },
            $addToSet: { held: { $each: items } },
            $setOnInsert: {
              status: 'open',
              platform: sample.platform,
              platformProblemId: sample.problem.platformProblemId,
              rawProblem: sample.problem,
              firstSeen: now,
              resolvedCanonicalProblemId: null,
              resolvedAt: null,
              outboxLeaseUntil: null,
            },
          },
          ...events,
        ),
        { upsert: true },
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    // Relayed before returning (not in the background): the normalizer holds failures one at
    // a time, so the relay's removal of these events cannot interleave with the next hold of
    // the same failure — FerretDB applies concurrent updates of one document as
    // read-modify-write, and the later write would drop the other's event.
    await this.relay.relayOrLeave(this.model, [key]);
    return true;
  }
}
