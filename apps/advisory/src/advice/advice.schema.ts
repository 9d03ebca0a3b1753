import type { AdviceResponse } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/**
 * A user's latest next-step advice (one document per user). `sourceAt` is the high-water mark:
 * when the refresh that wrote it started reading the learner's data. A refresh that started
 * earlier never replaces it.
 */
export interface AdviceDocument extends Omit<AdviceResponse, 'computedAt'> {
  _id: string;
  computedAt: Date;
  sourceAt: Date;
}

export const ADVICE_MODEL = 'Advice';

export const AdviceSchema = new Schema<AdviceDocument>(
  {
    _id: { type: String, required: true },
    roadmapId: { type: String, default: null },
    roadmapName: { type: String, default: null },
    pciScore: { type: Number, default: null },
    completionPercentage: { type: Number, default: null },
    nextTopic: { type: Schema.Types.Mixed, default: null },
    task: { type: Schema.Types.Mixed, default: null },
    level: { type: Schema.Types.Mixed, required: true },
    message: { type: String, required: true },
    trigger: { type: String, required: true },
    computedAt: { type: Date, required: true },
    sourceAt: { type: Date, required: true },
  },
  { collection: 'advice', versionKey: false, minimize: false },
);
