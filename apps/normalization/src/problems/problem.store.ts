import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { afterIdFilter, chunkedBulkWrite } from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import { CANONICAL_PROBLEM_MODEL, type CanonicalProblemDocument } from './canonical-problem.schema';

/**
 * The `canonical_problems` collection. What to write (the updates of problem-updates, the
 * in-memory title index kept beside it) is `ProblemCatalog`'s.
 */
@Injectable()
export class ProblemStore {
  constructor(
    @InjectModel(CANONICAL_PROBLEM_MODEL) private readonly model: Model<CanonicalProblemDocument>,
  ) {}

  /** Problems stored before confirmation existed are confirmed (they were everyone's). */
  async confirmUnmarked(): Promise<void> {
    await this.model.collection.updateMany(
      { verified: { $exists: false } },
      { $set: { verified: true, vouchedBy: [] } },
    );
  }

  /** The problems with one of these normalized titles or ids, in one query. */
  byTitlesOrIds(titles: string[], ids: string[]): Promise<CanonicalProblemDocument[]> {
    const filter =
      ids.length > 0
        ? { $or: [{ normalizedTitle: { $in: titles } }, { _id: { $in: ids } }] }
        : { normalizedTitle: { $in: titles } };
    return this.model.find(filter).lean<CanonicalProblemDocument[]>();
  }

  /** Title and platforms of every confirmed problem (what the title index holds). */
  confirmedTitles(): Promise<
    Pick<CanonicalProblemDocument, '_id' | 'normalizedTitle' | 'platforms'>[]
  > {
    return this.model
      .find({ verified: true }, { normalizedTitle: 1, platforms: 1 })
      .lean<Pick<CanonicalProblemDocument, '_id' | 'normalizedTitle' | 'platforms'>[]>();
  }

  /** Unordered: a duplicate id fails the call after the others are written. */
  async insertMany(docs: CanonicalProblemDocument[]): Promise<void> {
    await this.model.collection.insertMany(docs as never[], { ordered: false });
  }

  /** Bulk `updateOne` operations, a few at a time (`chunkedBulkWrite`). */
  async bulkUpdate(operations: object[]): Promise<void> {
    await chunkedBulkWrite(this.model.collection, operations);
  }

  async confirm(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { verified: true } });
  }

  /** The open reports on the problem, and the flag once they are enough (never unset here). */
  async setReports(id: string, openReports: number, flagged: boolean): Promise<void> {
    await this.model.updateOne(
      { _id: id },
      { $set: { openReports, ...(flagged ? { flagged: true } : {}) } },
    );
  }

  /** The problems with these ids (unknown ids are left out). */
  getMany(ids: string[]): Promise<CanonicalProblemDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model.find({ _id: { $in: ids } }).lean<CanonicalProblemDocument[]>();
  }

  /** Titles by id (unknown ids are left out). */
  async titles(ids: string[]): Promise<Map<string, string>> {
    const problems = ids.length
      ? await this.model
          .find({ _id: { $in: ids } }, { title: 1 })
          .lean<CanonicalProblemDocument[]>()
      : [];
    return new Map(problems.map((problem) => [problem._id, problem.title]));
  }

  /** By id (creation order), after the cursor; `limit + 1` of them so the caller knows whether more follow. */
  page(
    filter: FilterQuery<CanonicalProblemDocument>,
    cursor: string | undefined,
    limit: number,
  ): Promise<CanonicalProblemDocument[]> {
    return this.model
      .find({ ...filter, ...afterIdFilter(cursor, 'asc') })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<CanonicalProblemDocument[]>();
  }

  get(id: string): Promise<CanonicalProblemDocument | null> {
    return this.model.findOne({ _id: id }).lean<CanonicalProblemDocument>();
  }
}
