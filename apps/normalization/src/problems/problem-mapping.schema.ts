import type { Difficulty, Platform } from '@prepmate/contracts';
import { Schema } from 'mongoose';

export type MappingMethod = 'exact_title_match' | 'heuristic' | 'new' | 'manual';

/**
 * (platform, platformProblemId) → canonical problem. Written once, never changed, so every
 * replica may cache it. `topics`/`difficulty` are the platform problem's own (its tags mapped,
 * its difficulty derived), falling back to the canonical problem's when the platform gave none.
 */
export interface ProblemMappingDocument {
  /** `${platform}:${platformProblemId}` */
  _id: string;
  platform: Platform;
  platformProblemId: string;
  canonicalProblemId: string;
  method: MappingMethod;
  confidence: number;
  topics: string[];
  difficulty: Difficulty;
  createdAt: Date;
}

export const PROBLEM_MAPPING_MODEL = 'ProblemMapping';

export const ProblemMappingSchema = new Schema<ProblemMappingDocument>(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    platformProblemId: { type: String, required: true },
    canonicalProblemId: { type: String, required: true },
    method: { type: String, required: true },
    confidence: { type: Number, required: true },
    topics: { type: [String], default: [] },
    difficulty: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'problem_mappings', versionKey: false },
);
/** Two consumers mapping the same new platform problem at once: one wins, the other reuses it. */
ProblemMappingSchema.index({ platform: 1, platformProblemId: 1 }, { unique: true });
ProblemMappingSchema.index({ canonicalProblemId: 1 });

export const mappingId = (platform: Platform, platformProblemId: string) =>
  `${platform}:${platformProblemId}`;
