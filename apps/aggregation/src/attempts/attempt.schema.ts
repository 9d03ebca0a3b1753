import type { Difficulty, Platform, Verdict } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/**
 * A normalized submission kept for aggregation; its id is the submission id, so a
 * redelivered event is a duplicate. Stored twice: for good in `attempts` (the history a
 * recompute reads) and in `pending_attempts` until the user's aggregate has taken it in
 * (removing a batch of them is one delete, where flagging each would rewrite each).
 */
export interface AttemptDocument {
  _id: string;
  userId: string;
  platform: Platform;
  platformSubmissionId: string;
  canonicalProblemId: string;
  verdict: Verdict;
  difficulty: Difficulty;
  topics: string[];
  submittedAt: Date;
  solveTimeSeconds: number | null;
  receivedAt: Date;
}

export const ATTEMPT_MODEL = 'Attempt';
export const PENDING_ATTEMPT_MODEL = 'PendingAttempt';

function attemptSchema(collection: string): Schema<AttemptDocument> {
  const schema = new Schema<AttemptDocument>(
    {
      _id: { type: String, required: true },
      userId: { type: String, required: true },
      platform: { type: String, required: true },
      platformSubmissionId: { type: String, required: true },
      canonicalProblemId: { type: String, required: true },
      verdict: { type: String, required: true },
      difficulty: { type: String, required: true },
      topics: { type: [String], default: [] },
      submittedAt: { type: Date, required: true },
      solveTimeSeconds: { type: Number, default: null },
      receivedAt: { type: Date, required: true },
    },
    { collection, versionKey: false },
  );
  schema.index({ userId: 1 });
  return schema;
}

export const AttemptSchema = attemptSchema('attempts');
export const PendingAttemptSchema = attemptSchema('pending_attempts');
