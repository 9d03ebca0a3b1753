import type { NotificationKind } from '../notifications/notifications.contract';

/** A notification was stored for a learner (auth): the gateway pushes it to their open streams. */
export interface NotificationCreatedPayload {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
}
