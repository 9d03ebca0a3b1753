import { Injectable } from '@nestjs/common';
import type {
  ListNotificationsRpcData,
  MarkedReadResponse,
  NotificationPageResponse,
  NotificationPreferenceChange,
  NotificationPreferencesResponse,
  NotificationResponse,
  RpcCaller,
  UnsubscribeResponse,
} from '@prepmate/contracts';
import { AppError, decodeKeysetCursor, encodeKeysetCursor, keysetPage } from '@prepmate/platform';
import {
  applyPreferenceChanges,
  preferenceList,
  type PreferenceMap,
} from '../domain/notification-preferences';
import { UserStore } from '../users/user.store';
import { Mailer } from './mailer';
import type { NotificationDocument } from './notification.schema';
import { NotificationSettingsStore } from './notification-settings.store';
import { NotificationStore } from './notification.store';
import { UnsubscribeLinks } from './unsubscribe-links';

function view(notification: NotificationDocument): NotificationResponse {
  return {
    id: notification._id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    data: notification.data,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt ? notification.readAt.toISOString() : null,
  };
}

/** The learner's side of notifications: the list, marking read, preferences, unsubscribing. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationStore,
    private readonly settings: NotificationSettingsStore,
    private readonly links: UnsubscribeLinks,
    private readonly mailer: Mailer,
    private readonly users: UserStore,
  ) {}

  async list(
    caller: RpcCaller,
    query: ListNotificationsRpcData,
  ): Promise<NotificationPageResponse> {
    const after = query.cursor ? decodeKeysetCursor(query.cursor, { integer: true }) : undefined;
    if (after === null) throw AppError.validation([{ field: 'cursor', message: 'invalid cursor' }]);
    const docs = await this.notifications.page(caller.userId, query.limit, after);
    const page = keysetPage(docs, query.limit, (last) =>
      encodeKeysetCursor({ key: last.createdAt.getTime(), id: last._id }),
    );
    return {
      items: page.items.map(view),
      nextCursor: page.nextCursor,
      unreadCount: await this.notifications.unreadCount(caller.userId),
    };
  }

  /** Someone else's notification is NOT_FOUND, exactly like one that does not exist. */
  async markRead(caller: RpcCaller, notificationId: string): Promise<MarkedReadResponse> {
    const result = await this.notifications.markRead(caller.userId, notificationId, new Date());
    if (!result) throw AppError.notFound('notification');
    return {
      marked: result.marked,
      unreadCount: await this.notifications.unreadCount(caller.userId),
    };
  }

  async markAllRead(caller: RpcCaller): Promise<MarkedReadResponse> {
    const marked = await this.notifications.markAllRead(caller.userId, new Date());
    return { marked, unreadCount: await this.notifications.unreadCount(caller.userId) };
  }

  async preferences(caller: RpcCaller): Promise<NotificationPreferencesResponse> {
    return this.preferencesView(await this.settings.preferences(caller.userId));
  }

  async updatePreferences(
    caller: RpcCaller,
    changes: NotificationPreferenceChange[],
  ): Promise<NotificationPreferencesResponse> {
    const next = await this.settings.updatePreferences(caller.userId, (current) =>
      applyPreferenceChanges(current, changes),
    );
    return this.preferencesView(next);
  }

  /** The public link of an email: turns that kind's email off for the token's learner. */
  async unsubscribe(token: string): Promise<UnsubscribeResponse> {
    const claim = this.links.verify(token);
    if (!claim)
      throw new AppError('BAD_REQUEST', 'this unsubscribe link is not valid', { field: 'token' });
    // A deleted account's old email: nothing is written for it, and nothing is revealed.
    if (!(await this.users.isActiveOrLocked(claim.userId)))
      return { kind: claim.kind, email: 'off' };
    await this.settings.updatePreferences(claim.userId, (current) =>
      applyPreferenceChanges(current, [{ kind: claim.kind, email: 'off' }]),
    );
    return { kind: claim.kind, email: 'off' };
  }

  private preferencesView(map: PreferenceMap): NotificationPreferencesResponse {
    return { preferences: preferenceList(map), emailEnabled: this.mailer.enabled };
  }
}
