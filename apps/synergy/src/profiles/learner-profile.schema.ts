import { Schema } from 'mongoose';
import type { LearnerProfileState } from '../domain/learner-profile';

/**
 * Synergy's projection of `topic.aggregated`: a learner's level and mastery vector, one
 * document per learner, written with a version compare. `levelBucket` (integer part of the
 * level) is what suggestions read, nearest buckets first.
 */
export interface LearnerProfileDocument extends LearnerProfileState {
  _id: string;
  levelBucket: number;
  version: number;
  updatedAt: Date;
}

export const LEARNER_PROFILE_MODEL = 'LearnerProfile';

export const LearnerProfileSchema = new Schema<LearnerProfileDocument>(
  {
    _id: { type: String, required: true },
    solvedByDifficulty: { type: Schema.Types.Mixed, required: true },
    solvedAt: { type: String, default: null },
    points: { type: Number, required: true },
    level: { type: Number, required: true },
    levelBucket: { type: Number, required: true },
    topics: { type: Schema.Types.Mixed, required: true },
    verifiedTaskIds: { type: [String], default: undefined },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'learner_profiles', versionKey: false, minimize: false },
);
LearnerProfileSchema.index({ levelBucket: 1, updatedAt: -1 });
