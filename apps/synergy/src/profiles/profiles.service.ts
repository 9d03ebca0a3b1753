import { Injectable } from '@nestjs/common';
import type { TopicAggregatedPayload } from '@prepmate/contracts';
import { PairQueue } from '../pairs/pair-queue';
import { PairStore } from '../pairs/pair-store';
import { DeletedUsers } from '../privacy/deleted-users';
import { LearnerProfiles } from './learner-profiles';

/** Projects aggregation's reports and schedules the pairs they affect. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: LearnerProfiles,
    private readonly pairs: PairStore,
    private readonly queue: PairQueue,
    private readonly deleted: DeletedUsers,
  ) {}

  /**
   * A level or mastery change schedules the recompute of the learner's existing pairs (and
   * only those). So does the redelivery of the latest report (its first handling may have died
   * between the profile write and the scheduling; a schedule already waiting absorbs it). A
   * report about a deleted learner is dropped.
   */
  async onTopicAggregated(payload: TopicAggregatedPayload): Promise<void> {
    if (await this.deleted.isDeleted(payload.userId)) return;
    const change = await this.profiles.apply(payload);
    const latest = change.profile.solvedAt === payload.aggregatedAt;
    if (change.levelChanged || change.masteryChanged || latest)
      await this.queue.scheduleAll(await this.pairs.keysOf(payload.userId));
  }
}
