import type { AdvisoryOperation, AdvisoryProviderName, FallbackReason } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/** One provider call of an operation (a model attempt, or the rules answer). */
export interface InferenceAttempt {
  provider: AdvisoryProviderName;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  verdict: 'passed' | 'rejected' | 'error' | 'skipped';
  violations: string[];
  error: string | null;
}

/**
 * One advisory operation of a user: who answered, what it cost, the guardrail verdict and the
 * fallback reason, and the request and response bodies until the retention job drops them.
 * `_id` is a UUID v7, so id order is time order (the admin list's cursor).
 */
export interface InferenceLogDocument {
  _id: string;
  userId: string;
  operation: AdvisoryOperation;
  provider: AdvisoryProviderName;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  guardrailVerdict: 'passed' | 'rejected';
  fallbackUsed: boolean;
  fallbackReason: FallbackReason | null;
  fallbackDetail: string | null;
  attempts: InferenceAttempt[];
  request: unknown;
  response: unknown;
  /** The raw model replies, by attempt (bodies too). */
  completions: Array<string | null> | null;
  /** False while the bodies are kept: the retention job's filter (a boolean equality). */
  bodiesDropped: boolean;
  bodiesDroppedAt: Date | null;
  createdAt: Date;
}

export const INFERENCE_LOG_MODEL = 'InferenceLog';

export const InferenceLogSchema = new Schema<InferenceLogDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    operation: { type: String, required: true },
    provider: { type: String, required: true },
    model: { type: String, default: null },
    promptTokens: { type: Number, required: true },
    completionTokens: { type: Number, required: true },
    latencyMs: { type: Number, required: true },
    guardrailVerdict: { type: String, required: true },
    fallbackUsed: { type: Boolean, required: true },
    fallbackReason: { type: String, default: null },
    fallbackDetail: { type: String, default: null },
    attempts: { type: Schema.Types.Mixed, default: [] },
    request: { type: Schema.Types.Mixed, default: null },
    response: { type: Schema.Types.Mixed, default: null },
    completions: { type: Schema.Types.Mixed, default: null },
    bodiesDropped: { type: Boolean, default: false },
    bodiesDroppedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'inference_logs', versionKey: false, minimize: false },
);
InferenceLogSchema.index({ userId: 1 });
InferenceLogSchema.index({ bodiesDropped: 1, createdAt: 1 });
