import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Page, SubmissionResponse, SubmissionsRpcData } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import { SUBMISSION_MODEL, type SubmissionDocument, submissionView } from './submission.schema';

function toResponse(doc: SubmissionDocument): SubmissionResponse {
  return { id: doc._id, ...submissionView(doc) };
}

/** Cursor of the newest-first list: the last item's time and id. */
function encodeCursor(doc: SubmissionDocument): string {
  return Buffer.from(`${doc.submittedAt.getTime()}|${doc._id}`).toString('base64url');
}

function decodeCursor(cursor: string): { time: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(Number(time));
  if (!id || Number.isNaN(date.getTime()))
    throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
  return { time: date, id };
}

/** Reads of a user's stored submissions. */
@Injectable()
export class SubmissionsRepository {
  constructor(@InjectModel(SUBMISSION_MODEL) readonly model: Model<SubmissionDocument>) {}

  async list(userId: string, query: SubmissionsRpcData): Promise<Page<SubmissionResponse>> {
    const filter: FilterQuery<SubmissionDocument> = { userId };
    if (query.platform) filter.platform = query.platform;
    if (query.verdict) filter.verdict = query.verdict;
    if (query.cursor) {
      const { time, id } = decodeCursor(query.cursor);
      filter.$or = [{ submittedAt: { $lt: time } }, { submittedAt: time, _id: { $lt: id } }];
    }
    const docs = await this.model
      .find(filter)
      .sort({ submittedAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<SubmissionDocument[]>();
    const page = docs.slice(0, query.limit);
    return {
      items: page.map(toResponse),
      nextCursor: docs.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async exportUser(userId: string): Promise<SubmissionResponse[]> {
    const docs = await this.model
      .find({ userId })
      .sort({ submittedAt: 1 })
      .lean<SubmissionDocument[]>();
    return docs.map(toResponse);
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
