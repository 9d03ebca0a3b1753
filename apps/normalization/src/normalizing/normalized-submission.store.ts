import { Injectable, type OnModuleInit } from '@nestjs/common';
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

/** Problems read per `$in` query; beyond FULL_SCAN_FROM problems one scan is cheaper. */
const FLUSH_CHUNK = 200;
const FULL_SCAN_FROM = 400;

/** What problem telemetry needs of a stored attempt. */
export type Attempt = Pick<
  NormalizedSubmissionDocument,
  'canonicalProblemId' | 'verdict' | 'solveTimeSeconds'
>;

/**
 * Normalized submissions with their `submission.normalized` events: the events are staged in
 * the batch outbox, the records inserted unordered (a redelivered submission is a duplicate
 * key and changes nothing), then the events of the new records are committed and published.
 */
@Injectable()
export class NormalizedSubmissionStore implements OnModuleInit {
  constructor(
    @InjectModel(NORMALIZED_SUBMISSION_MODEL)
    private readonly model: Model<NormalizedSubmissionDocument>,
    private readonly outbox: BatchOutbox,
  ) {}

  /** Before the batch outbox's first sweep (on bootstrap), so a batch left by a crash is found. */
  onModuleInit(): void {
    this.outbox.register(this.model, normalizedEventOf);
  }

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

  /** The stored attempts of these problems: `$in` queries, or one scan when there are many. */
  async attemptsOf(ids: string[]): Promise<Map<string, Attempt[]>> {
    const byProblem = new Map<string, Attempt[]>(ids.map((id) => [id, []]));
    const projection = { canonicalProblemId: 1, verdict: 1, solveTimeSeconds: 1 };
    const queries =
      ids.length >= FULL_SCAN_FROM
        ? [this.model.find({}, projection)]
        : Array.from({ length: Math.ceil(ids.length / FLUSH_CHUNK) }, (_, i) =>
            this.model.find(
              { canonicalProblemId: { $in: ids.slice(i * FLUSH_CHUNK, (i + 1) * FLUSH_CHUNK) } },
              projection,
            ),
          );
    for (const query of queries) {
      for (const attempt of await query.lean<Attempt[]>())
        byProblem.get(attempt.canonicalProblemId)?.push(attempt);
    }
    return byProblem;
  }

  exportUser(userId: string) {
    return this.model.find({ userId }, { batchId: 0 }).lean();
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
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
