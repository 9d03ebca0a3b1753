import type {
  NewCanonicalProblem,
  Platform,
  PlatformProblem,
  SubmissionIngestedPayload,
} from '@prepmate/contracts';
import { outboxPlugin, type OutboxFields } from '@prepmate/messaging';
import { Schema } from 'mongoose';
import type { ResolutionStep } from '../domain/failure-resolution';

/** What an admin's resolution decided and the step it has reached (docs/reliability.md). */
export interface FailureResolution {
  canonicalProblemId: string;
  /** The problem to create (its id is canonicalProblemId), when the admin asked for a new one. */
  create: NewCanonicalProblem | null;
  step: ResolutionStep;
  updatedAt: Date;
}

/**
 * A platform problem that could not be normalized, with the submissions held until an admin
 * resolves it (one document per platform problem). Its `problem.normalization_failed` events
 * ride in the document (outbox).
 */
export interface NormalizationFailureDocument extends OutboxFields {
  /** `${platform}:${platformProblemId}` */
  _id: string;
  platform: Platform;
  platformProblemId: string;
  reason: string;
  rawProblem: PlatformProblem;
  held: SubmissionIngestedPayload[];
  /** `resolving` from the admin's decision until the failure is closed (step `close`). */
  status: 'open' | 'resolving' | 'resolved';
  resolution?: FailureResolution | null;
  firstSeen: Date;
  lastSeen: Date;
  resolvedCanonicalProblemId: string | null;
  resolvedAt: Date | null;
}

export const NORMALIZATION_FAILURE_MODEL = 'NormalizationFailure';

export const NormalizationFailureSchema = new Schema<NormalizationFailureDocument>(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    platformProblemId: { type: String, required: true },
    reason: { type: String, required: true },
    rawProblem: { type: Schema.Types.Mixed, required: true },
    held: { type: Schema.Types.Mixed, default: [] },
    status: { type: String, required: true },
    firstSeen: { type: Date, required: true },
    lastSeen: { type: Date, required: true },
    resolvedCanonicalProblemId: { type: String, default: null },
    resolvedAt: { type: Date, default: null },
    resolution: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'normalization_failures', versionKey: false },
);
NormalizationFailureSchema.plugin(outboxPlugin);
NormalizationFailureSchema.index({ status: 1 });
NormalizationFailureSchema.index({ 'resolution.step': 1 });
