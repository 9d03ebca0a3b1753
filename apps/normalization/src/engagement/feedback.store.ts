import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { FEEDBACK_MODEL, type FeedbackDocument } from './engagement.schemas';

/** The `problem_feedback` collection: users' reports on problems. */
@Injectable()
export class FeedbackStore {
  constructor(@InjectModel(FEEDBACK_MODEL) private readonly model: Model<FeedbackDocument>) {}

  async insert(doc: FeedbackDocument): Promise<void> {
    await this.model.create(doc);
  }

  /** Who holds an open report on the problem (one entry per report). */
  async openReporters(problemId: string): Promise<string[]> {
    const open = await this.model
      .find({ problemId, status: 'open' }, { userId: 1 })
      .lean<Pick<FeedbackDocument, 'userId'>[]>();
    return open.map((report) => report.userId);
  }

  ofUser(userId: string): Promise<FeedbackDocument[]> {
    return this.model.find({ userId }).lean<FeedbackDocument[]>();
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
