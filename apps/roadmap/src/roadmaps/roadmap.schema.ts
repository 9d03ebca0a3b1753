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
RoadmapSchema.index({ createdBy: 1, _id: 1 });
/** `GET /roadmaps`: official ones and the caller's, by id. */
RoadmapSchema.index({ official: 1, _id: 1 });

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

/**
 * One of a user's CUSTOM_ROADMAPS_PER_USER places, taken by creating a custom roadmap: the
 * `_id` (`${userId}:${slot}`) is unique, so concurrent creations never pass the limit.
 */
export interface RoadmapSlotDocument {
  _id: string;
  userId: string;
  roadmapId: string;
  createdAt: Date;
}

export const ROADMAP_SLOT_MODEL = 'RoadmapSlot';

export const RoadmapSlotSchema = new Schema<RoadmapSlotDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    roadmapId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'custom_roadmap_slots', versionKey: false },
);
RoadmapSlotSchema.index({ userId: 1 });
