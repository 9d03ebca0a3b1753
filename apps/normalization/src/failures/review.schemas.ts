import type { Platform } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/** A new canonical problem that resembles an existing one (confidence 0.6–0.8), for admins. */
export interface PossibleDuplicateDocument {
  _id: string;
  problemId: string;
  candidateId: string;
  confidence: number;
  createdAt: Date;
}

export const POSSIBLE_DUPLICATE_MODEL = 'PossibleDuplicate';

export const PossibleDuplicateSchema = new Schema<PossibleDuplicateDocument>(
  {
    _id: { type: String, required: true },
    problemId: { type: String, required: true },
    candidateId: { type: String, required: true },
    confidence: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'possible_duplicates', versionKey: false },
);

/**
 * A platform tag no alias maps, seen on one platform problem (one document per pair, so a
 * count is derived, never incremented: concurrent `$inc`s lose updates on FerretDB, and a
 * redelivered problem counts once).
 */
export interface UnmappedTagDocument {
  /** `${platform}:${tag}:${platformProblemId}` */
  _id: string;
  platform: Platform;
  tag: string;
  platformProblemId: string;
  seenAt: Date;
}

export const UNMAPPED_TAG_MODEL = 'UnmappedTag';

export const UnmappedTagSchema = new Schema<UnmappedTagDocument>(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    tag: { type: String, required: true },
    platformProblemId: { type: String, required: true },
    seenAt: { type: Date, required: true },
  },
  { collection: 'unmapped_tags', versionKey: false },
);
