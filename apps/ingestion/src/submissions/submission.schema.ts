import type { Platform, PlatformProblem, Verdict } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/** A stored submission (its `submission.ingested` event goes through the batch outbox). */
export interface SubmissionDocument {
  _id: string;
  /** Id of its `submission.ingested` event (kept so a recovered batch announces it the same). */
  eventId: string;
  userId: string;
  platform: Platform;
  platformSubmissionId: string;
  problem: PlatformProblem;
  verdict: Verdict;
  language: string | null;
  submittedAt: Date;
  runtimeMs: number | null;
  memoryKb: number | null;
  solveTimeSeconds: number | null;
  syncBatchId: string;
  createdAt: Date;
}

/** What a stored submission shows alike in its `submission.ingested` event and the API. */
export function submissionView(doc: SubmissionDocument) {
  return {
    platform: doc.platform,
    platformSubmissionId: doc.platformSubmissionId,
    problem: doc.problem,
    verdict: doc.verdict,
    language: doc.language,
    submittedAt: doc.submittedAt.toISOString(),
    runtimeMs: doc.runtimeMs,
    memoryKb: doc.memoryKb,
    solveTimeSeconds: doc.solveTimeSeconds,
    syncBatchId: doc.syncBatchId,
  };
}

export const SUBMISSION_MODEL = 'Submission';

export const SubmissionSchema = new Schema<SubmissionDocument>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    userId: { type: String, required: true },
    platform: { type: String, required: true },
    platformSubmissionId: { type: String, required: true },
    problem: { type: Schema.Types.Mixed, required: true },
    verdict: { type: String, required: true },
    language: { type: String, default: null },
    submittedAt: { type: Date, required: true },
    runtimeMs: { type: Number, default: null },
    memoryKb: { type: Number, default: null },
    solveTimeSeconds: { type: Number, default: null },
    syncBatchId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'submissions', versionKey: false },
);
/** Identity of a submission (docs/product.md#ingestion): the same one imported twice is a duplicate. */
SubmissionSchema.index({ userId: 1, platform: 1, platformSubmissionId: 1 }, { unique: true });
SubmissionSchema.index({ userId: 1, submittedAt: -1 });
SubmissionSchema.index({ syncBatchId: 1 });
