import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { TaskCompletedPayload } from '@prepmate/contracts';
import { isDuplicateKeyError } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { countVerifiedTask, type VerifiedTasksState } from '../domain/verified-tasks';
import { VERIFIED_TASKS_MODEL, type VerifiedTasksDocument } from './verified-tasks.schema';

/** Writers of one user racing on one document retry this often before giving up (redelivery). */
const MAX_ATTEMPTS = 5;

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
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = await this.model.findById(payload.userId).lean<VerifiedTasksDocument | null>();
      const next = countVerifiedTask(stored ?? { topics: {}, recentTaskIds: [] }, payload);
      if (!next) return;
      const updatedAt = new Date();
      if (!stored) {
        try {
          await this.model.collection.insertOne({
            _id: payload.userId,
            ...next,
            version: 1,
            updatedAt,
          } as never);
          return;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      const written = await this.model.updateOne(
        { _id: payload.userId, version: stored.version },
        { $set: { ...next, updatedAt }, $inc: { version: 1 } },
      );
      if (written.matchedCount === 1) return;
    }
    throw new Error(`the verified tasks of ${payload.userId} kept changing; will be redelivered`);
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
