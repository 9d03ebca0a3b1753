import type { Difficulty, Platform } from '@prepmate/contracts';
import { Schema } from 'mongoose';

export interface ProblemPlatformEntry {
  platform: Platform;
  platformProblemId: string;
  /** Kept for the record; every view builds the link from (platform, id) (domain/problem-urls). */
  url: string | null;
  firstSeen: Date;
  /**
   * Read from the platform's own API or confirmed by an admin; false when only imports vouch
   * for it (absent on entries stored before: confirmed). See domain/problem-trust.
   */
  verified?: boolean;
}

export interface AggregateTelemetry {
  totalSubmissions: number;
  acceptedSubmissions: number;
  successRate: number;
  meanSolveTimeSeconds: number | null;
}

export const EMPTY_TELEMETRY: AggregateTelemetry = {
  totalSubmissions: 0,
  acceptedSubmissions: 0,
  successRate: 0,
  meanSolveTimeSeconds: null,
};

/** One problem whatever the platform (docs/product.md#normalization). */
export interface CanonicalProblemDocument {
  _id: string;
  title: string;
  normalizedTitle: string;
  difficulty: Difficulty;
  topics: string[];
  normalizedTags: string[];
  platforms: ProblemPlatformEntry[];
  interviewFrequency: number | null;
  /** Distinct users with an open feedback report; flagged from 3. */
  openReports: number;
  flagged: boolean;
  /** Confirmed by a platform adapter or an admin (domain/problem-trust); else only its vouchers see it. */
  verified: boolean;
  /** Users whose imports vouch for the problem or one of its unconfirmed platform problems (bounded). */
  vouchedBy: string[];
  createdAt: Date;
}

export const CANONICAL_PROBLEM_MODEL = 'CanonicalProblem';

export const CanonicalProblemSchema = new Schema<CanonicalProblemDocument>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    normalizedTitle: { type: String, required: true },
    difficulty: { type: String, required: true },
    topics: { type: [String], default: [] },
    normalizedTags: { type: [String], default: [] },
    platforms: { type: Schema.Types.Mixed, default: [] },
    interviewFrequency: { type: Number, default: null },
    openReports: { type: Number, default: 0 },
    flagged: { type: Boolean, default: false },
    verified: { type: Boolean, default: true },
    vouchedBy: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'canonical_problems', versionKey: false },
);
/** `GET /problems`: confirmed problems, and the caller's own unconfirmed ones, by id. */
CanonicalProblemSchema.index({ verified: 1, _id: 1 });
CanonicalProblemSchema.index({ vouchedBy: 1, _id: 1 });
CanonicalProblemSchema.index({ normalizedTitle: 1 });
CanonicalProblemSchema.index({ topics: 1 });
CanonicalProblemSchema.index({ flagged: 1 });

/**
 * Aggregate telemetry of a canonical problem, in a collection of its own: it is rewritten
 * often, and FerretDB applies concurrent updates of one document as read-modify-write, so a
 * telemetry write must never share a document with a platform being added.
 */
export interface ProblemTelemetryDocument extends AggregateTelemetry {
  /** The canonical problem id. */
  _id: string;
  updatedAt: Date;
}

export const PROBLEM_TELEMETRY_MODEL = 'ProblemTelemetry';

export const ProblemTelemetrySchema = new Schema<ProblemTelemetryDocument>(
  {
    _id: { type: String, required: true },
    totalSubmissions: { type: Number, required: true },
    acceptedSubmissions: { type: Number, required: true },
    successRate: { type: Number, required: true },
    meanSolveTimeSeconds: { type: Number, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'problem_telemetry', versionKey: false },
);
