import type { ReflectionResponse } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/**
 * The reflection draft of a verified task (`_id` = task id), made once when `task.completed`
 * arrives; the learner posts it (or their own words) with `POST /tasks/:id/reflection`. A
 * draft is advice: it never changes progression state.
 */
export interface ReflectionDraftDocument {
  _id: string;
  userId: string;
  draft: ReflectionResponse;
  createdAt: Date;
}

export const REFLECTION_DRAFT_MODEL = 'ReflectionDraft';

export const ReflectionDraftSchema = new Schema<ReflectionDraftDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    draft: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'reflection_drafts', versionKey: false, minimize: false },
);
ReflectionDraftSchema.index({ userId: 1 });
