import type { Platform } from '@prepmate/contracts';
import { Schema } from 'mongoose';
import type { SealedSecret } from './secret-box';

/** A linked platform account. The session cookie is stored sealed (AES-256-GCM). */
export interface IntegrationDocument {
  /** `${userId}:${platform}` */
  _id: string;
  userId: string;
  platform: Platform;
  username: string;
  sessionCookie: SealedSecret | null;
  linkedAt: Date;
  updatedAt: Date;
}

export const INTEGRATION_MODEL = 'Integration';

export const IntegrationSchema = new Schema<IntegrationDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    platform: { type: String, required: true },
    username: { type: String, required: true },
    sessionCookie: { type: Schema.Types.Mixed, default: null },
    linkedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'integrations', versionKey: false },
);
IntegrationSchema.index({ userId: 1 });
