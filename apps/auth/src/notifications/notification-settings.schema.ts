import type { EmailMode } from '@prepmate/contracts';
import { Schema } from 'mongoose';

export interface NotificationSettingsDocument {
  /** The user id. */
  _id: string;
  /** Only what the learner changed; the rest are the defaults (domain/notification-preferences). */
  preferences: Partial<Record<string, { inApp: boolean; email: EmailMode }>>;
  /** Increased by every preference write, which is conditional on the value read. */
  version: number;
  /**
   * When this learner's next digest is due; null when nothing waits for one. The digest scan
   * selects by it (indexed), so it never reads every user.
   */
  nextDigestAt: Date | null;
}

export const NOTIFICATION_SETTINGS_MODEL = 'NotificationSettings';

export const NotificationSettingsSchema = new Schema<NotificationSettingsDocument>(
  {
    _id: { type: String, required: true },
    preferences: { type: Schema.Types.Mixed, default: {} },
    version: { type: Number, default: 0 },
    nextDigestAt: { type: Date, default: null },
  },
  { collection: 'notification_settings', versionKey: false, minimize: false },
);
NotificationSettingsSchema.index({ nextDigestAt: 1 });
