import { Injectable } from '@nestjs/common';
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
import { v7 as uuidv7 } from 'uuid';
import { reportStanding } from '../domain/problem-reports';
import { ProblemsService } from '../problems/problems.service';
import { ProblemStore } from '../problems/problem.store';
import { BookmarkStore } from './bookmark.store';
import type { BookmarkDocument, FeedbackDocument } from './engagement.schemas';
import { FeedbackStore } from './feedback.store';

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
    private readonly bookmarks: BookmarkStore,
    private readonly feedback: FeedbackStore,
    private readonly problems: ProblemsService,
    private readonly problemStore: ProblemStore,
  ) {}

  /** Creates the bookmark (or updates its notes when it exists). */
  async bookmark(
    caller: RpcCaller,
    problemId: string,
    notes: string | undefined,
  ): Promise<BookmarkResponse> {
    await this.problems.require(problemId, caller);
    const doc = await this.bookmarks.upsert(caller.userId, problemId, notes, new Date());
    return toBookmark(doc);
  }

  async updateBookmark(
    caller: RpcCaller,
    problemId: string,
    notes: string | undefined,
  ): Promise<BookmarkResponse> {
    const doc = await this.bookmarks.setNotes(caller.userId, problemId, notes ?? null, new Date());
    if (!doc) throw new AppError('NOT_FOUND', 'the problem is not bookmarked');
    return toBookmark(doc);
  }

  async removeBookmark(caller: RpcCaller, problemId: string): Promise<void> {
    if (!(await this.bookmarks.remove(caller.userId, problemId)))
      throw new AppError('NOT_FOUND', 'the problem is not bookmarked');
  }

  /** Newest first, each with its problem. */
  async listBookmarks(
    caller: RpcCaller,
    { limit, cursor }: PageRpcData,
  ): Promise<Page<BookmarkResponse>> {
    const docs = await this.bookmarks.ofUser(caller.userId);
    docs.sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b._id.localeCompare(a._id),
    );
    const page = offsetPage(docs, { limit, cursor });
    const problems = await this.problemStore.getMany(page.items.map((doc) => doc.problemId));
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
    await this.feedback.insert(doc);
    const { openReports, flagged } = reportStanding(
      await this.feedback.openReporters(request.problemId),
    );
    await this.problemStore.setReports(request.problemId, openReports, flagged);
    return { ...toFeedback(doc), problemFlagged: flagged };
  }

  async exportUser(userId: string) {
    const [bookmarks, feedback] = await Promise.all([
      this.bookmarks.ofUser(userId),
      this.feedback.ofUser(userId),
    ]);
    return {
      bookmarks: bookmarks.map((doc) => toBookmark(doc)),
      feedback: feedback.map((doc) => toFeedback(doc)),
    };
  }

  async deleteUser(userId: string): Promise<number> {
    const [bookmarks, feedback] = await Promise.all([
      this.bookmarks.deleteUser(userId),
      this.feedback.deleteUser(userId),
    ]);
    return bookmarks + feedback;
  }
}
