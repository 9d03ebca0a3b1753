import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AuthConfig } from '../auth.config';
import { nextDigestAt } from '../domain/digest-time';
import { digestEmail, immediateEmail, type ComposedEmail } from '../domain/notification-email';
import { UserStore } from '../users/user.store';
import { EmailQueue } from './email-queue';
import { Mailer } from './mailer';
import type { NotificationDocument } from './notification.schema';
import { NotificationSettingsStore } from './notification-settings.store';
import { NotificationStore } from './notification.store';
import { UnsubscribeLinks } from './unsubscribe-links';

/** At most this many notifications in one digest; more wait for the next one. */
const DIGEST_MAX_ITEMS = 50;
/** Due digests taken per scan; a longer backlog is taken by the next scans. */
const DIGESTS_PER_SCAN = 500;

/** What the email jobs do: compose from what is stored, send, then record it as sent. */
@Injectable()
export class NotificationEmails {
  private readonly log: Logger;

  constructor(
    private readonly notifications: NotificationStore,
    private readonly settings: NotificationSettingsStore,
    private readonly users: UserStore,
    private readonly mailer: Mailer,
    private readonly links: UnsubscribeLinks,
    private readonly queue: EmailQueue,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'notification-emails' });
  }

  /**
   * One notification's email. Its state moves to `sent` after the server accepted it; a crash
   * in between sends it again on the retry (at least once: better twice than never).
   */
  async sendImmediate(notificationId: string): Promise<void> {
    const notification = await this.notifications.findById(notificationId);
    if (!notification || notification.emailState !== 'immediate') return;
    const user = await this.users.findById(notification.userId);
    if (!user) {
      await this.notifications.setEmailState([notificationId], 'immediate', 'none');
      return;
    }
    // The learner may have turned this kind's email off since it was stored.
    const preferences = await this.settings.preferences(user._id);
    if (preferences[notification.kind].email === 'off') {
      await this.notifications.setEmailState([notificationId], 'immediate', 'none');
      return;
    }
    await this.send(user.email, immediateEmail(this.entry(notification), this.links.appUrl));
    await this.notifications.setEmailState([notificationId], 'immediate', 'sent');
  }

  /** The learner's digest: what waits for it, unread and still wanted by email, in one message. */
  async sendDigest(userId: string): Promise<void> {
    const waiting = await this.notifications.waitingForDigest(userId, DIGEST_MAX_ITEMS);
    if (waiting.length === 0) return;
    const user = await this.users.findById(userId);
    const preferences = await this.settings.preferences(userId);
    const wanted = user
      ? waiting.filter(
          (notification) =>
            notification.readAt === null && preferences[notification.kind].email !== 'off',
        )
      : [];
    if (user && wanted.length > 0)
      await this.send(
        user.email,
        digestEmail(
          wanted.map((notification) => this.entry(notification)),
          this.links.appUrl,
        ),
      );
    await this.notifications.setEmailState(
      waiting.map((notification) => notification._id),
      'digest',
      wanted.length > 0 ? 'sent' : 'none',
    );
    this.log.info(
      { userId, items: wanted.length, skipped: waiting.length - wanted.length },
      'digest done',
    );
    if (user && waiting.length === DIGEST_MAX_ITEMS)
      await this.settings.scheduleDigest(
        userId,
        nextDigestAt(new Date(), user.timeZone, this.config.NOTIFY_DIGEST_HOUR),
      );
  }

  /**
   * Queues the digests that are due (selected by the indexed next-digest time, never by
   * reading every learner). The job is queued before the time is cleared, and its id is the
   * learner and the due time: a replica that dies in between leaves a time the next scan
   * queues again as the same job.
   */
  async queueDueDigests(now = new Date()): Promise<number> {
    const due = await this.settings.dueDigests(now, DIGESTS_PER_SCAN);
    let queued = 0;
    for (const { _id: userId, nextDigestAt: dueAt } of due) {
      await this.queue.digest(userId, dueAt);
      if (await this.settings.claimDigest(userId, dueAt)) queued += 1;
    }
    if (queued > 0) this.log.info({ queued }, 'due digests queued');
    return queued;
  }

  private entry(notification: NotificationDocument) {
    return {
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      unsubscribeUrl: this.links.url(notification.userId, notification.kind),
    };
  }

  private send(to: string, email: ComposedEmail): Promise<void> {
    return this.mailer.send({
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: {
        'List-Unsubscribe': email.listUnsubscribe,
        // RFC 8058: mail clients may POST to the link (the gateway answers POST too).
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }
}
