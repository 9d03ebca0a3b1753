import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { SubmissionNormalizedPayload } from '@prepmate/contracts';
import { insertNew } from '@prepmate/platform';
import type { Model } from 'mongoose';
import type { Attempt } from '../domain/attempt';
import { ATTEMPT_MODEL, type AttemptDocument, PENDING_ATTEMPT_MODEL } from './attempt.schema';

function toAttempt(doc: AttemptDocument): Attempt {
  return {
    submissionId: doc._id,
    canonicalProblemId: doc.canonicalProblemId,
    platformSubmissionId: doc.platformSubmissionId,
    difficulty: doc.difficulty,
    topics: doc.topics,
    accepted: doc.verdict === 'accepted',
    submittedAt: new Date(doc.submittedAt).getTime(),
    solveTimeSeconds: doc.solveTimeSeconds ?? null,
  };
}

/** Stored attempts and the pending ones: inserted once per submission, read per user, unpended once applied. */
@Injectable()
export class AttemptStore {
  constructor(
    @InjectModel(ATTEMPT_MODEL) private readonly model: Model<AttemptDocument>,
    @InjectModel(PENDING_ATTEMPT_MODEL) private readonly pendingModel: Model<AttemptDocument>,
  ) {}

  /**
   * Stores the attempts for good, then as pending (duplicates ignored in both). A redelivered
   * attempt becomes pending again even when it was applied long ago: the job then sees it at
   * or before its position and recomputes, which counts nothing twice. Returns how many
   * attempts were new.
   */
  async insert(events: SubmissionNormalizedPayload[]): Promise<number> {
    const receivedAt = new Date();
    const docs = events.map((event) => ({
      _id: event.submissionId,
      userId: event.userId,
      platform: event.platform,
      platformSubmissionId: event.platformSubmissionId,
      canonicalProblemId: event.canonicalProblemId,
      verdict: event.verdict,
      difficulty: event.difficulty,
      topics: event.topics,
      submittedAt: new Date(event.submittedAt),
      solveTimeSeconds: event.solveTimeSeconds,
      receivedAt,
    }));
    const duplicates = await insertNew(this.model.collection, docs);
    await insertNew(this.pendingModel.collection, docs);
    return docs.length - duplicates.size;
  }

  async pending(userId: string): Promise<Attempt[]> {
    const docs = await this.pendingModel.find({ userId }).lean<AttemptDocument[]>();
    return docs.map(toAttempt);
  }

  /**
   * Users with an attempt pending since before `cutoff` (the pending sweep). The collection
   * holds only work not yet applied, so this reads the backlog, never the history.
   */
  async usersPendingSince(cutoff: Date): Promise<string[]> {
    return this.pendingModel.distinct('userId', { receivedAt: { $lt: cutoff } });
  }

  async all(userId: string): Promise<Attempt[]> {
    const docs = await this.model.find({ userId }).lean<AttemptDocument[]>();
    return docs.map(toAttempt);
  }

  /**
   * The user's attempts of one canonical problem, newest first (task verification). On
   * MongoDB the `userId` index serves it; on FerretDB it filters the user's attempts.
   */
  async ofProblem(userId: string, canonicalProblemId: string, limit: number) {
    return this.model
      .find(
        { userId, canonicalProblemId },
        { platform: 1, platformSubmissionId: 1, verdict: 1, submittedAt: 1 },
      )
      .sort({ submittedAt: -1 })
      .limit(limit)
      .lean<
        Array<
          Pick<AttemptDocument, 'platform' | 'platformSubmissionId' | 'verdict' | 'submittedAt'>
        >
      >();
  }

  /** Removes applied attempts from the pending ones (the equality on userId narrows the scan first). */
  async markApplied(userId: string, submissionIds: string[]): Promise<void> {
    if (submissionIds.length === 0) return;
    await this.pendingModel.deleteMany({ userId, _id: { $in: submissionIds } });
  }

  exportUser(userId: string): Promise<AttemptDocument[]> {
    return this.model.find({ userId }).sort({ submittedAt: 1 }).lean<AttemptDocument[]>();
  }

  async deleteUser(userId: string): Promise<number> {
    await this.pendingModel.deleteMany({ userId });
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
