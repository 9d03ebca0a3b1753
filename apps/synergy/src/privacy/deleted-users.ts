import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AppError } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { DELETED_USER_MODEL, type DeletedUserDocument } from './deleted-user.schema';

/** The tombstones of deleted learners (see DeletedUserDocument). */
@Injectable()
export class DeletedUsers {
  constructor(@InjectModel(DELETED_USER_MODEL) readonly model: Model<DeletedUserDocument>) {}

  async isDeleted(userId: string): Promise<boolean> {
    return (await this.model.exists({ _id: userId })) !== null;
  }

  /** A request acting for a deleted learner (a token issued before the deletion) changes nothing. */
  async assertActive(userId: string): Promise<void> {
    if (await this.isDeleted(userId))
      throw new AppError('UNAUTHENTICATED', 'this account was deleted');
  }

  /** Written first by a deletion, so nothing is recreated while the rest is removed. */
  async mark(userId: string): Promise<void> {
    await this.model
      .updateOne({ _id: userId }, { $setOnInsert: { deletedAt: new Date() } }, { upsert: true })
      .catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
  }
}
