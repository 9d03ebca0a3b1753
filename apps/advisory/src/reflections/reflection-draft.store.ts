import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ReflectionResponse } from '@prepmate/contracts';
import { insertNew } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { REFLECTION_DRAFT_MODEL, type ReflectionDraftDocument } from './reflection-draft.schema';

/** Reflection drafts by task id; the first one stored for a task stays (a redelivery adds nothing). */
@Injectable()
export class ReflectionDraftStore {
  constructor(
    @InjectModel(REFLECTION_DRAFT_MODEL) private readonly model: Model<ReflectionDraftDocument>,
  ) {}

  async has(taskId: string): Promise<boolean> {
    return (await this.model.exists({ _id: taskId })) !== null;
  }

  async insert(taskId: string, userId: string, draft: ReflectionResponse): Promise<void> {
    await insertNew(this.model.collection, [{ _id: taskId, userId, draft, createdAt: new Date() }]);
  }

  /** The user's draft of a task, or null (none yet, or another user's). */
  async of(userId: string, taskId: string): Promise<ReflectionResponse | null> {
    const doc = await this.model.findById(taskId).lean<ReflectionDraftDocument | null>();
    return doc && doc.userId === userId ? doc.draft : null;
  }

  exportUser(userId: string) {
    return this.model.find({ userId }).lean();
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
