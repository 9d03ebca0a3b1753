import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope, SubmissionIngestedPayload } from '@prepmate/contracts';
import { BatchOutbox, type BatchHeader, batchEvent } from '@prepmate/messaging';
import { insertNew } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { ProblemMappingDocument } from '../problems/problem-mapping.schema';
import {
  NORMALIZED_SUBMISSION_MODEL,
  type NormalizedSubmissionDocument,
} from './normalized-submission.schema';

/**
 * Normalized submissions with their `submission.normalized` events: the events are staged in
 * the batch outbox, the records inserted unordered (a redelivered submission is a duplicate
 * key and changes nothing), then the events of the new records are committed and published.
 */
@Injectable()
export class NormalizedRecords {
  constructor(
    @InjectModel(NORMALIZED_SUBMISSION_MODEL) readonly model: Model<NormalizedSubmissionDocument>,
    private readonly outbox: BatchOutbox,
  ) {}

  /** Returns how many were new. */
  async store(
    entries: Array<{ item: SubmissionIngestedPayload; mapping: ProblemMappingDocument }>,
  ): Promise<number> {
    if (entries.length === 0) return 0;
    const batchId = uuidv7();
    const now = new Date();
    const docs: NormalizedSubmissionDocument[] = entries.map(({ item, mapping }) => {
      return {
        _id: item.submissionId,
        eventId: uuidv7(),
        userId: item.userId,
        platform: item.platform,
        platformSubmissionId: item.platformSubmissionId,
        platformProblemId: item.problem.platformProblemId,
        canonicalProblemId: mapping.canonicalProblemId,
        verdict: item.verdict,
        difficulty: mapping.difficulty,
        topics: mapping.topics,
        submittedAt: new Date(item.submittedAt),
        solveTimeSeconds: item.solveTimeSeconds,
        batchId,
        createdAt: now,
      };
    });
    const staged = await this.outbox.stage(this.model, { batchId });
    let inserted: typeof docs;
    try {
      const duplicate = await insertNew(this.model.collection, docs);
      inserted = docs.filter((_, i) => !duplicate.has(i));
    } catch (error) {
      this.outbox.abandon(staged);
      throw error;
    }
    await this.outbox.commit(staged, inserted);
    return inserted.length;
  }
}

/** The `submission.normalized` event of a normalized submission. */
export function normalizedEventOf(
  doc: NormalizedSubmissionDocument,
  header: BatchHeader,
): EventEnvelope<'submission.normalized'> {
  return batchEvent(
    'submission.normalized',
    {
      submissionId: doc._id,
      userId: doc.userId,
      platform: doc.platform,
      platformSubmissionId: doc.platformSubmissionId,
      canonicalProblemId: doc.canonicalProblemId,
      difficulty: doc.difficulty,
      topics: doc.topics,
      verdict: doc.verdict,
      submittedAt: doc.submittedAt.toISOString(),
      solveTimeSeconds: doc.solveTimeSeconds,
    },
    'normalization',
    doc.eventId,
    header,
  );
}
