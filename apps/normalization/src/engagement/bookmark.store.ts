import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { BOOKMARK_MODEL, type BookmarkDocument } from './engagement.schemas';

const bookmarkId = (userId: string, problemId: string) => `${userId}:${problemId}`;

/** The `bookmarks` collection: one bookmark per (user, problem). */
@Injectable()
export class BookmarkStore {
  constructor(@InjectModel(BOOKMARK_MODEL) private readonly model: Model<BookmarkDocument>) {}

  /** Creates the bookmark, or sets its notes (when given) on the existing one. */
  async upsert(
    userId: string,
    problemId: string,
    notes: string | undefined,
    now: Date,
  ): Promise<BookmarkDocument> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: bookmarkId(userId, problemId) },
        {
          $set: { updatedAt: now, ...(notes !== undefined ? { notes } : {}) },
          $setOnInsert: {
            userId,
            problemId,
            createdAt: now,
            ...(notes === undefined ? { notes: null } : {}),
          },
        },
        { upsert: true, new: true },
      )
      .lean<BookmarkDocument>();
    return doc!;
  }

  /** Null when the problem is not bookmarked. */
  setNotes(
    userId: string,
    problemId: string,
    notes: string | null,
    now: Date,
  ): Promise<BookmarkDocument | null> {
    return this.model
      .findOneAndUpdate(
        { _id: bookmarkId(userId, problemId) },
        { $set: { notes, updatedAt: now } },
        { new: true },
      )
      .lean<BookmarkDocument>();
  }

  /** False when the problem was not bookmarked. */
  async remove(userId: string, problemId: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: bookmarkId(userId, problemId) });
    return result.deletedCount > 0;
  }

  ofUser(userId: string): Promise<BookmarkDocument[]> {
    return this.model.find({ userId }).lean<BookmarkDocument[]>();
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
