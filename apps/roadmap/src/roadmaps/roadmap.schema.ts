import { Schema } from 'mongoose';
import type { RoadmapTopic } from '../domain/roadmap-topic';

/** A roadmap: official (id = its slug, no owner) or a user's custom one (id = UUID). */
export interface RoadmapDocument {
  _id: string;
  name: string;
  description: string | null;
  targetRole: string | null;
  official: boolean;
  createdBy: string | null;
  topics: RoadmapTopic[];
  /** Bumped by every edit; an edit applies only to the version it read. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ROADMAP_MODEL = 'Roadmap';

export const RoadmapSchema = new Schema<RoadmapDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    targetRole: { type: String, default: null },
    official: { type: Boolean, required: true },
    createdBy: { type: String, default: null },
    topics: { type: Schema.Types.Mixed, default: [] },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'roadmaps', versionKey: false, minimize: false },
);
RoadmapSchema.index({ createdBy: 1 });

/** A user following a roadmap (its progress is kept and published). */
export interface FollowDocument {
  _id: string;
  userId: string;
  roadmapId: string;
  createdAt: Date;
}

export const FOLLOW_MODEL = 'RoadmapFollow';

export const FollowSchema = new Schema<FollowDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    roadmapId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'roadmap_follows', versionKey: false },
);
FollowSchema.index({ userId: 1 });
