import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { TaskCompletedPayload } from '@prepmate/contracts';
import { writeVersioned } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { countVerifiedTask, type VerifiedTasksState } from '../domain/verified-tasks';
import { VERIFIED_TASKS_MODEL, type VerifiedTasksDocument } from './verified-tasks.schema';

/** Each learner's verified tasks per topic (`task.completed`), one document per user. */
@Injectable()
export class VerifiedTasksStore {
  constructor(
    @InjectModel(VERIFIED_TASKS_MODEL) private readonly model: Model<VerifiedTasksDocument>,
  ) {}

  /**
   * Counts the task once (countVerifiedTask); replicas and redeliveries racing on one learner
   * are settled by the version each write expects: the loser reads again.
   */
  async count(payload: TaskCompletedPayload): Promise<void> {
    await writeVersioned(
      this.model,
      payload.userId,
      (stored) => countVerifiedTask(stored ?? { topics: {}, recentTaskIds: [] }, payload),
      `the verified tasks of ${payload.userId} kept changing; will be redelivered`,
    );
  }

  async of(userId: string): Promise<VerifiedTasksState | null> {
    return this.model.findById(userId).lean<VerifiedTasksDocument | null>();
  }

  async exportUser(userId: string): Promise<VerifiedTasksDocument[]> {
    const stored = await this.model.findById(userId).lean<VerifiedTasksDocument | null>();
    return stored ? [stored] : [];
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteOne({ _id: userId })).deletedCount;
  }
}
