import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { EngagementService } from './engagement/engagement.service';
import { FailureStore } from './failures/failure.store';
import { NormalizedSubmissionStore } from './normalizing/normalized-submission.store';

/** Everything normalization holds about a user, one export part per kind of record. */
@Injectable()
export class NormalizationUserData {
  constructor(
    private readonly engagement: EngagementService,
    private readonly records: NormalizedSubmissionStore,
    private readonly failures: FailureStore,
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
        exportUser: (userId) => this.records.exportUser(userId),
        deleteUser: (userId) => this.records.deleteUser(userId),
      },
      {
        name: 'heldSubmissions',
        exportUser: async (userId) =>
          (await this.failures.holdingUser(userId)).flatMap((failure) =>
            failure.held
              .filter((item) => item.userId === userId)
              .map((item) => ({ ...item, reason: failure.reason })),
          ),
        deleteUser: (userId) => this.failures.deleteHeldOf(userId),
      },
    ];
  }
}
