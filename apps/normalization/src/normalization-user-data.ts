import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { UserDataContributor } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import { EngagementService } from './engagement/engagement.service';
import {
  NORMALIZATION_FAILURE_MODEL,
  type NormalizationFailureDocument,
} from './failures/normalization-failure.schema';
import {
  NORMALIZED_SUBMISSION_MODEL,
  type NormalizedSubmissionDocument,
} from './normalizing/normalized-submission.schema';

/** Everything normalization holds about a user, one export part per kind of record. */
@Injectable()
export class NormalizationUserData {
  constructor(
    private readonly engagement: EngagementService,
    @InjectModel(NORMALIZED_SUBMISSION_MODEL)
    private readonly records: Model<NormalizedSubmissionDocument>,
    @InjectModel(NORMALIZATION_FAILURE_MODEL)
    private readonly failures: Model<NormalizationFailureDocument>,
  ) {}

  get contributors(): UserDataContributor[] {
    return [
      {
        name: 'problemEngagement',
        exportUser: (userId) => this.engagement.exportUser(userId),
        deleteUser: (userId) => this.engagement.deleteUser(userId),
      },
      {
        name: 'normalizedSubmissions',
        exportUser: (userId) => this.records.find({ userId }, { batchId: 0 }).lean(),
        deleteUser: async (userId) => (await this.records.deleteMany({ userId })).deletedCount,
      },
      {
        name: 'heldSubmissions',
        exportUser: async (userId) =>
          (await this.heldOf(userId)).flatMap((failure) =>
            failure.held
              .filter((item) => item.userId === userId)
              .map((item) => ({ ...item, reason: failure.reason })),
          ),
        deleteUser: (userId) => this.deleteHeld(userId),
      },
    ];
  }

  private heldOf(userId: string): Promise<NormalizationFailureDocument[]> {
    return this.failures.find({ 'held.userId': userId }).lean<NormalizationFailureDocument[]>();
  }

  /** Held submissions live in arrays; FerretDB's $pull cannot match by a field, so rewrite them. */
  private async deleteHeld(userId: string): Promise<number> {
    let removed = 0;
    for (const failure of await this.heldOf(userId)) {
      const kept = failure.held.filter((item) => item.userId !== userId);
      removed += failure.held.length - kept.length;
      await this.failures.updateOne({ _id: failure._id }, { $set: { held: kept } });
    }
    return removed;
  }
}
