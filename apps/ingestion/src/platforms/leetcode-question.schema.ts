import { Schema } from 'mongoose';

/** LeetCode's problem catalog as far as PrepMate has seen it: difficulty and topic tags by slug. */
export interface LeetCodeQuestionDocument {
  _id: string;
  title: string;
  difficulty: 'easy' | 'medium' | 'hard' | null;
  tags: string[];
  fetchedAt: Date;
}

export const LEETCODE_QUESTION_MODEL = 'LeetCodeQuestion';

export const LeetCodeQuestionSchema = new Schema<LeetCodeQuestionDocument>(
  {
    _id: { type: String, required: true },
    title: { type: String, default: '' },
    difficulty: { type: String, default: null },
    tags: { type: [String], default: [] },
    fetchedAt: { type: Date, required: true },
  },
  { collection: 'leetcode_questions', versionKey: false },
);
