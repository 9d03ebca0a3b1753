import type { Difficulty, Platform, Verdict } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/**
 * A submission normalized once (its id is the submission id, so a redelivery is a duplicate),
 * its `submission.normalized` event goes through the batch outbox. Problem telemetry is
 * computed from these.
 */
export interface NormalizedSubmissionDocument {
  _id: string;
  /** Id of its `submission.normalized` event (kept so a recovered batch announces it the same). */
  eventId: string;
  userId: string;
  platform: Platform;
  platformSubmissionId: string;
  platformProblemId: string;
  canonicalProblemId: string;
  verdict: Verdict;
  difficulty: Difficulty;
  topics: string[];
  submittedAt: Date;
  solveTimeSeconds: number | null;
  /** The normalization batch that wrote it (its outbox is cleared per batch). */
  batchId: string;
  createdAt: Date;
}

export const NORMALIZED_SUBMISSION_MODEL = 'NormalizedSubmission';

export const NormalizedSubmissionSchema = new Schema<NormalizedSubmissionDocument>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    userId: { type: String, required: true },
    platform: { type: String, required: true },
    platformSubmissionId: { type: String, required: true },
    platformProblemId: { type: String, required: true },
    canonicalProblemId: { type: String, required: true },
    verdict: { type: String, required: true },
    difficulty: { type: String, required: true },
    topics: { type: [String], default: [] },
    submittedAt: { type: Date, required: true },
    solveTimeSeconds: { type: Number, default: null },
    batchId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'normalized_submissions', versionKey: false },
);
NormalizedSubmissionSchema.index({ canonicalProblemId: 1 });
NormalizedSubmissionSchema.index({ userId: 1 });
NormalizedSubmissionSchema.index({ batchId: 1 });
