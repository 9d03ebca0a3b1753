import type { NotificationKind } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/** Where a notification stands with email: none due, one email on its own, the digest, sent. */
export type EmailState = 'none' | 'immediate' | 'digest' | 'sent';

export interface NotificationDocument {
  /** `<source eventId>:<userId>`: a redelivered event stores nothing twice. */
  _id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  data: Record<string, unknown>;
  /** The source event's time. */
  createdAt: Date;
  readAt: Date | null;
  /** False when the learner turned the kind off in the app: kept for its email only. */
  inApp: boolean;
  emailState: EmailState;
}

export const NOTIFICATION_MODEL = 'Notification';

export const NotificationSchema = new Schema<NotificationDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
    inApp: { type: Boolean, required: true },
    emailState: { type: String, required: true },
  },
  { collection: 'notifications', versionKey: false, minimize: false },
);
// The list (newest first) and the unread count; the digest's pending ones.
NotificationSchema.index({ userId: 1, inApp: 1, createdAt: -1, _id: -1 });
NotificationSchema.index({ userId: 1, readAt: 1 });
NotificationSchema.index({ userId: 1, emailState: 1 });
// The retention sweep: read notifications, the longest read first (unread ones are null).
NotificationSchema.index({ readAt: 1, _id: 1 });
