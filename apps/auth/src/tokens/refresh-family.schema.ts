import { Schema } from 'mongoose';

/**
 * A refresh-token family: the chain of tokens one login starts. Revoking it (reuse of a
 * used token, logout) sets `revokedAt` here first; a rotation stores its new token and
 * then extends the family only while `revokedAt` is null, so a rotation racing a
 * revocation never leaves a live token (`refresh-token.store.ts`).
 */
export interface RefreshFamilyDocument {
  _id: string;
  userId: string;
  revokedAt: Date | null;
  /** When the newest token of the family expires; the sweep removes the family after. */
  expiresAt: Date;
  createdAt: Date;
}

export const REFRESH_FAMILY_MODEL = 'RefreshFamily';

export const RefreshFamilySchema = new Schema<RefreshFamilyDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    revokedAt: { type: Date, default: null },
    expiresAt: { type: Date, required: true },
  },
  {
    collection: 'refresh_families',
    timestamps: { createdAt: true, updatedAt: false },
    versionKey: false,
  },
);
