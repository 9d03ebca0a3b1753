import { Injectable } from '@nestjs/common';
import type { TaskCompletedPayload, TopicAggregatedPayload } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { PairQueue } from '../pairs/pair-queue';
import { PairStore } from '../pairs/pair.store';
import { LearnerProfileStore } from './learner-profile.store';

/** Projects aggregation's reports and schedules the pairs they affect. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: LearnerProfileStore,
    private readonly pairs: PairStore,
    private readonly queue: PairQueue,
    private readonly tombstones: UserTombstones,
  ) {}

  /**
   * A level or mastery change schedules the recompute of the learner's existing pairs (and
   * only those). So does the redelivery of the latest report (its first handling may have died
   * between the profile write and the scheduling; a schedule already waiting absorbs it). A
   * report about a deleted learner is dropped.
   */
  async onTopicAggregated(payload: TopicAggregatedPayload): Promise<void> {
    if (await this.tombstones.isDeleted(payload.userId)) return;
    const change = await this.profiles.apply(payload);
    const latest = change.profile.solvedAt === payload.aggregatedAt;
    if (change.levelChanged || change.masteryChanged || latest)
      await this.queue.scheduleAll(await this.pairs.keysOf(payload.userId));
  }

  /**
   * A verified task adds to the learner's level (docs/synergy.md, "Levels"); a level change
   * schedules their pairs, as an aggregation's does. A deleted learner's task is dropped.
   */
  async onTaskCompleted(payload: TaskCompletedPayload): Promise<void> {
    if (await this.tombstones.isDeleted(payload.userId)) return;
    const change = await this.profiles.addVerifiedTask(payload.userId, payload.taskId);
    if (change.levelChanged) await this.queue.scheduleAll(await this.pairs.keysOf(payload.userId));
    await this.tombstones.eraseIfDeleted([payload.userId]);
  }
}
