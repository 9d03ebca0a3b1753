import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Page, SubmissionResponse, SubmissionsRpcData } from '@prepmate/contracts';
import {
  AppError,
  afterKeyFilter,
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetPage,
} from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import { SUBMISSION_MODEL, type SubmissionDocument, submissionView } from './submission.schema';

function toResponse(doc: SubmissionDocument): SubmissionResponse {
  return { id: doc._id, ...submissionView(doc) };
}

/** Cursor of the newest-first list: the last item's time and id. */
function cursorOf(doc: SubmissionDocument): string {
  return encodeKeysetCursor({ key: doc.submittedAt.getTime(), id: doc._id });
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
      const after = decodeKeysetCursor(query.cursor, { integer: true });
      if (!after) throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
      Object.assign(
        filter,
        afterKeyFilter(
          'submittedAt',
          { key: new Date(after.key), id: after.id },
          { key: 'desc', id: 'desc' },
        ),
      );
    }
    const docs = await this.model
      .find(filter)
      .sort({ submittedAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<SubmissionDocument[]>();
    const page = keysetPage(docs, query.limit, cursorOf);
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
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
