import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { LeetCodeQuestion } from '../domain/leetcode-submission';
import { LEETCODE_QUESTION_MODEL, type LeetCodeQuestionDocument } from './leetcode-question.schema';

/** The `leetcode_questions` collection: LeetCode's questions as looked up, by slug. */
@Injectable()
export class LeetCodeQuestionStore {
  constructor(
    @InjectModel(LEETCODE_QUESTION_MODEL) private readonly model: Model<LeetCodeQuestionDocument>,
  ) {}

  /** The stored questions of these slugs (unknown slugs are left out). */
  async findMany(slugs: string[]): Promise<LeetCodeQuestion[]> {
    const known = await this.model.find({ _id: { $in: slugs } }).lean<LeetCodeQuestionDocument[]>();
    return known.map((doc) => ({
      titleSlug: doc._id,
      title: doc.title,
      difficulty: doc.difficulty,
      tags: doc.tags,
    }));
  }

  /** Stores (or replaces) the question under its slug. */
  async save(slug: string, question: LeetCodeQuestion): Promise<void> {
    await this.model.replaceOne(
      { _id: slug },
      {
        title: question.title,
        difficulty: question.difficulty,
        tags: question.tags,
        fetchedAt: new Date(),
      },
      { upsert: true },
    );
  }
}
