import { Schema } from 'mongoose';

/** Every scratch request as it came: who, which post (and its author), when, how far. */
export interface ScratchEventDocument {
  _id: string;
  scratcherId: string;
  postId: string;
  authorId: string;
  at: Date;
  /** UTC day of `at` (YYYY-MM-DD): the consistency factor counts distinct days. */
  day: string;
  coverage: number;
  points: Array<{ x: number; y: number }>;
}

export const SCRATCH_EVENT_MODEL = 'ScratchEvent';

export const ScratchEventSchema = new Schema<ScratchEventDocument>(
  {
    _id: { type: String, required: true },
    scratcherId: { type: String, required: true },
    postId: { type: String, required: true },
    authorId: { type: String, required: true },
    at: { type: Date, required: true },
    day: { type: String, required: true },
    coverage: { type: Number, required: true },
    points: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'scratch_events', versionKey: false },
);
ScratchEventSchema.index({ scratcherId: 1, authorId: 1, day: 1 });
ScratchEventSchema.index({ authorId: 1 });

/** One post a learner scratched: the highest coverage reached and whose post it is. */
export interface ScratchedPost {
  coverage: number;
  authorId: string;
  firstAt: Date;
}

/**
 * What one learner scratched, one document per learner (its id): the feed reads it with one
 * `_id` lookup (projected to the page's posts), a scratch is one atomic `$max` on it.
 */
export interface ScratchStateDocument {
  _id: string;
  posts: Record<string, ScratchedPost>;
}

export const SCRATCH_STATE_MODEL = 'ScratchState';

export const ScratchStateSchema = new Schema<ScratchStateDocument>(
  {
    _id: { type: String, required: true },
    posts: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'scratch_states', versionKey: false, minimize: false },
);
