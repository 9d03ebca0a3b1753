import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  BookmarkResponse,
  FeedbackResponse,
  FeedbackRpcData,
  Page,
  PageRpcData,
  ProblemResponse,
  RpcCaller,
} from '@prepmate/contracts';
import { AppError, offsetPage } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { reportStanding } from '../domain/problem-reports';
import { ProblemsService } from '../problems/problems.service';
import { ProblemCatalog } from '../problems/problem-catalog';
import {
  BOOKMARK_MODEL,
  type BookmarkDocument,
  FEEDBACK_MODEL,
  type FeedbackDocument,
} from './engagement.schemas';

const bookmarkId = (userId: string, problemId: string) => `${userId}:${problemId}`;

function toBookmark(doc: BookmarkDocument, problem?: ProblemResponse | null): BookmarkResponse {
  return {
    problemId: doc.problemId,
    notes: doc.notes,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    ...(problem !== undefined ? { problem } : {}),
  };
}

function toFeedback(doc: FeedbackDocument) {
  return {
    id: doc._id,
    problemId: doc.problemId,
    type: doc.type,
    comment: doc.comment,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** What users do with problems: bookmarks with notes and feedback reports. */
@Injectable()
export class EngagementService {
  constructor(
    @InjectModel(BOOKMARK_MODEL) private readonly bookmarks: Model<BookmarkDocument>,
    @InjectModel(FEEDBACK_MODEL) private readonly feedback: Model<FeedbackDocument>,
    private readonly problems: ProblemsService,
    private readonly catalog: ProblemCatalog,
  ) {}

  /** Creates the bookmark (or updates its notes when it exists). */
  async bookmark(
    caller: RpcCaller,
    problemId: string,
    notes: string | undefined,
  ): Promise<BookmarkResponse> {
    await this.problems.require(problemId, caller);
    const now = new Date();
    const doc = await this.bookmarks
      .findOneAndUpdate(
        { _id: bookmarkId(caller.userId, problemId) },
        {
          $set: { updatedAt: now, ...(notes !== undefined ? { notes } : {}) },
          $setOnInsert: {
            userId: caller.userId,
            problemId,
            createdAt: now,
            ...(notes === undefined ? { notes: null } : {}),
          },
        },
        { upsert: true, new: true },
      )
      .lean<BookmarkDocument>();
    return toBookmark(doc!);
  }

  async updateBookmark(
    caller: RpcCaller,
    problemId: string,
    notes: string | undefined,
  ): Promise<BookmarkResponse> {
    const doc = await this.bookmarks
      .findOneAndUpdate(
        { _id: bookmarkId(caller.userId, problemId) },
        { $set: { notes: notes ?? null, updatedAt: new Date() } },
        { new: true },
      )
      .lean<BookmarkDocument>();
    if (!doc) throw new AppError('NOT_FOUND', 'the problem is not bookmarked');
    return toBookmark(doc);
  }

  async removeBookmark(caller: RpcCaller, problemId: string): Promise<void> {
    const result = await this.bookmarks.deleteOne({ _id: bookmarkId(caller.userId, problemId) });
    if (result.deletedCount === 0) throw new AppError('NOT_FOUND', 'the problem is not bookmarked');
  }

  /** Newest first, each with its problem. */
  async listBookmarks(
    caller: RpcCaller,
    { limit, cursor }: PageRpcData,
  ): Promise<Page<BookmarkResponse>> {
    const docs = await this.bookmarks.find({ userId: caller.userId }).lean<BookmarkDocument[]>();
    docs.sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b._id.localeCompare(a._id),
    );
    const page = offsetPage(docs, { limit, cursor });
    const problems = await this.catalog.getMany(page.items.map((doc) => doc.problemId));
    const byId = new Map(
      (await this.problems.views(problems, caller)).map((problem) => [problem.id, problem]),
    );
    return {
      items: page.items.map((doc) => toBookmark(doc, byId.get(doc.problemId) ?? null)),
      nextCursor: page.nextCursor,
    };
  }

  /** A report; the problem is flagged once enough distinct users (domain/problem-reports) have one open. */
  async report(caller: RpcCaller, request: FeedbackRpcData): Promise<FeedbackResponse> {
    await this.problems.require(request.problemId, caller);
    const doc: FeedbackDocument = {
      _id: uuidv7(),
      problemId: request.problemId,
      userId: caller.userId,
      type: request.type,
      comment: request.comment,
      status: 'open',
      createdAt: new Date(),
    };
    await this.feedback.create(doc);
    const open = await this.feedback
      .find({ problemId: request.problemId, status: 'open' }, { userId: 1 })
      .lean<Pick<FeedbackDocument, 'userId'>[]>();
    const { openReports, flagged } = reportStanding(open.map((report) => report.userId));
    await this.catalog.problems.updateOne(
      { _id: request.problemId },
      { $set: { openReports, ...(flagged ? { flagged: true } : {}) } },
    );
    return { ...toFeedback(doc), problemFlagged: flagged };
  }

  async exportUser(userId: string) {
    const [bookmarks, feedback] = await Promise.all([
      this.bookmarks.find({ userId }).lean<BookmarkDocument[]>(),
      this.feedback.find({ userId }).lean<FeedbackDocument[]>(),
    ]);
    return {
      bookmarks: bookmarks.map((doc) => toBookmark(doc)),
      feedback: feedback.map((doc) => toFeedback(doc)),
    };
  }

  async deleteUser(userId: string): Promise<number> {
    const [bookmarks, feedback] = await Promise.all([
      this.bookmarks.deleteMany({ userId }),
      this.feedback.deleteMany({ userId }),
    ]);
    return bookmarks.deletedCount + feedback.deletedCount;
  }
}
