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
 * A platform tag no alias maps, counted: one document per (platform, tag) whatever the number
 * of problems carrying it, so junk tags cost one small document each, never one per
 * occurrence. `count` is the number of new platform problems seen with the tag (a problem is
 * counted when its mapping is created, so a redelivery does not count it again).
 */
export interface UnmappedTagDocument {
  /** `${platform}:${tag}` */
  _id: string;
  platform: Platform;
  tag: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

export const UNMAPPED_TAG_MODEL = 'UnmappedTag';

export const UnmappedTagSchema = new Schema<UnmappedTagDocument>(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    tag: { type: String, required: true },
    count: { type: Number, required: true },
    firstSeen: { type: Date, required: true },
    lastSeen: { type: Date, required: true },
  },
  { collection: 'unmapped_tag_counts', versionKey: false },
);
/** The admin list: most frequent first. */
UnmappedTagSchema.index({ count: -1, _id: 1 });

/** Where tags were once stored one document per (tag, problem); folded into the counts at start. */
export const LEGACY_UNMAPPED_TAGS_COLLECTION = 'unmapped_tags';
