import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@prepmate/contracts';
import { createEvent, EventPublisher } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AuthConfig } from '../auth.config';
import { nextDigestAt } from '../domain/digest-time';
import { notificationsFor, type NotificationDraft } from '../domain/notification-content';
import { UserStore } from '../users/user.store';
import { EmailQueue } from './email-queue';
import { Mailer } from './mailer';
import type { NotificationDocument } from './notification.schema';
import { NotificationSettingsStore } from './notification-settings.store';
import { NotificationStore } from './notification.store';

/**
 * Turns a source event into notifications: stored per learner (keyed by event and learner, so
 * a redelivery stores nothing twice), pushed live as `notification.created`, and queued for
 * email as the learner's preferences say (docs/product.md, "Notifications").
 */
@Injectable()
export class NotificationCenter {
  private readonly log: Logger;

  constructor(
    private readonly notifications: NotificationStore,
    private readonly settings: NotificationSettingsStore,
    private readonly users: UserStore,
    private readonly mailer: Mailer,
    private readonly emailQueue: EmailQueue,
    private readonly publisher: EventPublisher,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'notifications' });
  }

  async onEvent(event: EventEnvelope): Promise<void> {
    for (const draft of notificationsFor(event)) await this.deliver(event, draft);
  }

  private async deliver(event: EventEnvelope, draft: NotificationDraft): Promise<void> {
    // A deleted, locked or unknown account is told nothing (auth's users are its tombstones).
    const user = await this.users.findById(draft.userId);
    if (!user) {
      this.log.debug({ userId: draft.userId, kind: draft.kind }, 'no active account: dropped');
      return;
    }
    const preference = (await this.settings.preferences(user._id))[draft.kind];
    const email = this.mailer.enabled ? preference.email : 'off';
    if (!preference.inApp && email === 'off') return;
    const notification: NotificationDocument = {
      _id: `${event.eventId}:${user._id}`,
      ...draft,
      createdAt: new Date(event.occurredAt),
      readAt: null,
      inApp: preference.inApp,
      emailState: email === 'off' ? 'none' : email,
    };
    const fresh = await this.notifications.insert(notification);
    const stored = fresh ? notification : await this.notifications.findById(notification._id);
    if (!stored) return;
    if (stored.emailState === 'digest')
      await this.settings.scheduleDigest(
        user._id,
        nextDigestAt(new Date(), user.timeZone, this.config.NOTIFY_DIGEST_HOUR),
      );
    // The account was deleted while this was written: erase what it got (docs/security.md).
    if (await this.users.isDeleted(user._id)) {
      await this.notifications.deleteForUser(user._id);
      await this.settings.deleteForUser(user._id);
      return;
    }
    if (stored.emailState === 'immediate') await this.emailQueue.immediate(stored._id);
    // Published on a retry too (the live push is best effort; clients dedupe by notificationId).
    if (stored.inApp) {
      await this.publisher.publish(
        createEvent(
          'notification.created',
          {
            notificationId: stored._id,
            userId: stored.userId,
            kind: stored.kind,
            title: stored.title,
            body: stored.body,
            data: stored.data,
            createdAt: stored.createdAt.toISOString(),
          },
          'auth',
        ),
      );
    }
    if (fresh)
      this.log.info(
        { userId: user._id, kind: stored.kind, email: stored.emailState, inApp: stored.inApp },
        'notification stored',
      );
  }
}
