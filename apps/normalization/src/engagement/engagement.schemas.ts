import { Schema } from 'mongoose';
import type { FeedbackType } from '@prepmate/contracts';

export interface BookmarkDocument {
  /** `${userId}:${problemId}` */
  _id: string;
  userId: string;
  problemId: string;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const BOOKMARK_MODEL = 'Bookmark';

export const BookmarkSchema = new Schema<BookmarkDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    problemId: { type: String, required: true },
    notes: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'bookmarks', versionKey: false },
);
BookmarkSchema.index({ userId: 1 });

export interface FeedbackDocument {
  _id: string;
  problemId: string;
  userId: string;
  type: FeedbackType;
  comment: string;
  status: 'open' | 'resolved';
  createdAt: Date;
}

export const FEEDBACK_MODEL = 'ProblemFeedback';

export const FeedbackSchema = new Schema<FeedbackDocument>(
  {
    _id: { type: String, required: true },
    problemId: { type: String, required: true },
    userId: { type: String, required: true },
    type: { type: String, required: true },
    comment: { type: String, required: true },
    status: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'problem_feedback', versionKey: false },
);
FeedbackSchema.index({ problemId: 1 });
FeedbackSchema.index({ userId: 1 });
