import type { ProjectedTopic } from '../domain/mastery-snapshot';
import { type OutboxFields, outboxPlugin } from '@prepmate/messaging';
import { Schema } from 'mongoose';
import type { PciResult } from '../domain/pci';

/**
 * The roadmap service's projection of `topic.aggregated`: a user's mastery of a topic. One
 * document per user and topic, written only by a newer aggregation.
 */
/**
 * A user's masteries as `topic.aggregated` reported them: one document per user (its id), so
 * an event is one read and one guarded write, and a PCI reads one document.
 */
export interface MasteryDocument {
  _id: string;
  topics: Record<string, ProjectedTopic>;
  /** Bumped by every write; a write expects the version it read. */
  version: number;
  updatedAt: Date;
}

export const MASTERY_MODEL = 'MasterySnapshot';

export const MasterySchema = new Schema<MasteryDocument>(
  {
    _id: { type: String, required: true },
    topics: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'mastery_snapshots', versionKey: false, minimize: false },
);

/** A user's stored progress on a roadmap; `pci.recomputed` rides in its writes (outbox). */
export interface ProgressDocument extends OutboxFields {
  _id: string;
  userId: string;
  roadmapId: string;
  roadmapVersion: number;
  result: PciResult;
  lastUpdated: Date;
  /** Version of the mastery snapshot the result was computed from (with roadmapVersion, its high-water mark). */
  masteryVersion?: number;
}

export const PROGRESS_MODEL = 'RoadmapProgress';

export const ProgressSchema = new Schema<ProgressDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    roadmapId: { type: String, required: true },
    roadmapVersion: { type: Number, required: true },
    result: { type: Schema.Types.Mixed, required: true },
    lastUpdated: { type: Date, required: true },
    masteryVersion: { type: Number },
  },
  { collection: 'roadmap_progress', versionKey: false, minimize: false },
);
ProgressSchema.plugin(outboxPlugin);
ProgressSchema.index({ userId: 1 });
