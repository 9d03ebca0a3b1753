import { AppError } from '@prepmate/platform';
import type { SubmissionDocument } from './submission.schema';

/** Cursor of the newest-first list: the last item's time and id. */
export function encodeCursor(doc: SubmissionDocument): string {
  return Buffer.from(`${doc.submittedAt.getTime()}|${doc._id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { time: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(Number(time));
  if (!id || Number.isNaN(date.getTime()))
    throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
  return { time: date, id };
}
