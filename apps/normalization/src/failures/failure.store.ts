import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { SubmissionIngestedPayload } from '@prepmate/contracts';
import { createEvent, OutboxRelay, withPendingEvents } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import type { ResolutionStep } from '../domain/failure-resolution';
import {
  type FailureResolution,
  NORMALIZATION_FAILURE_MODEL,
  type NormalizationFailureDocument,
} from './normalization-failure.schema';
import { afterIdFilter, isDuplicateKeyError } from '@prepmate/platform';

/**
 * Holds submissions whose platform problem could not be normalized, with the raw problem and
 * the reason, and publishes `problem.normalization_failed` for each (outbox). Also the state
 * of their resolutions: which step comes next is `FailureResolver`'s (domain/failure-resolution).
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

  /** Open failures (and those being resolved) by id, after the cursor; `limit + 1` of them. */
  pageUnresolved(
    cursor: string | undefined,
    limit: number,
  ): Promise<NormalizationFailureDocument[]> {
    return this.model
      .find(
        { status: { $in: ['open', 'resolving'] }, ...afterIdFilter(cursor, 'asc') },
        { pendingEvents: 0 },
      )
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<NormalizationFailureDocument[]>();
  }

  find(failureId: string): Promise<NormalizationFailureDocument | null> {
    return this.model
      .findOne({ _id: failureId }, { pendingEvents: 0 })
      .lean<NormalizationFailureDocument>();
  }

  /** The failure's resolution as stored now (null when none or no such failure). */
  async resolutionOf(failureId: string): Promise<FailureResolution | null> {
    const doc = await this.model
      .findOne({ _id: failureId }, { resolution: 1 })
      .lean<NormalizationFailureDocument>();
    return doc?.resolution ?? null;
  }

  /** Stores the resolution on an open failure; false when it is not open (anymore). */
  async beginResolution(failureId: string, resolution: FailureResolution): Promise<boolean> {
    const begun = await this.model.updateOne(
      { _id: failureId, status: 'open' },
      { $set: { status: 'resolving', resolution } },
    );
    return begun.modifiedCount > 0;
  }

  /** A failure being resolved is open again, without its resolution. */
  async reopen(failureId: string): Promise<void> {
    await this.model.updateOne(
      { _id: failureId, status: 'resolving' },
      { $set: { status: 'open', resolution: null } },
    );
  }

  /** A failure being resolved is resolved to the canonical problem. */
  async close(failureId: string, canonicalProblemId: string): Promise<void> {
    await this.model.updateOne(
      { _id: failureId, status: 'resolving' },
      {
        $set: {
          status: 'resolved',
          resolvedCanonicalProblemId: canonicalProblemId,
          resolvedAt: new Date(),
        },
      },
    );
  }

  /** Stores the next step, unless the stored step is no longer `step` (another run moved it). */
  async advance(failureId: string, step: ResolutionStep, next: ResolutionStep): Promise<void> {
    await this.model.updateOne(
      { _id: failureId, 'resolution.step': step },
      { $set: { 'resolution.step': next, 'resolution.updatedAt': new Date() } },
    );
  }

  /** Ids of failures whose resolution is at one of these steps since before `before` (at most `limit`). */
  async resolutionsStuck(steps: ResolutionStep[], before: Date, limit: number): Promise<string[]> {
    const docs = await this.model
      .find(
        { 'resolution.step': { $in: steps }, 'resolution.updatedAt': { $lt: before } },
        { _id: 1 },
      )
      .limit(limit)
      .lean<Array<Pick<NormalizationFailureDocument, '_id'>>>();
    return docs.map((doc) => doc._id);
  }
}
