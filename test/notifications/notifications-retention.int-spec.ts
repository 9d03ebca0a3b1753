/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents are checked field by field */
import { NotificationRetention } from '../../apps/auth/src/notifications/notification-retention';
import { NotificationStore } from '../../apps/auth/src/notifications/notification.store';
import { notificationsSystem } from './notifications-system';

/**
 * The inbox's retention (docs/product.md#notifications): notifications read more than
 * NOTIFICATION_RETENTION_DAYS (90) ago are deleted by a bounded periodic sweep; unread and
 * recently read ones stay.
 */
describe('notification retention', () => {
  const { services, api, register, notificationsOf } = notificationsSystem();

  it('deletes notifications read more than 90 days ago, a bounded batch at a time; keeps the rest', async () => {
    const ivy = await register();
    const DAY = 24 * 3600_000;
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
    const stored = (id: string, createdDaysAgo: number, readDaysAgo: number | null) => ({
      _id: `retention-${id}:${ivy.userId}`,
      userId: ivy.userId,
      kind: 'streak_at_risk',
      title: `notification ${id}`,
      body: 'body',
      data: {},
      createdAt: daysAgo(createdDaysAgo),
      readAt: readDaysAgo === null ? null : daysAgo(readDaysAgo),
      inApp: true,
      emailState: 'none',
    });
    await services.db
      .collection('notifications')
      .insertMany([
        stored('old-read-1', 200, 120),
        stored('old-read-2', 150, 100),
        stored('old-read-3', 95, 91),
        stored('old-unread', 200, null),
        stored('read-lately', 120, 10),
        stored('new-read', 5, 1),
      ] as never[]);
    const left = async () =>
      (await notificationsOf(ivy.userId)).map((n: any) => n._id.split(':')[0]).sort();

    // One batch: the longest read first, at most its size.
    const readBefore = daysAgo(90);
    expect(await services.auth.app.get(NotificationStore).deleteReadBefore(readBefore, 2)).toBe(2);
    expect(await left()).toEqual([
      'retention-new-read',
      'retention-old-read-3',
      'retention-old-unread',
      'retention-read-lately',
    ]);
    // A pass (NOTIFICATION_RETENTION_DAYS: 90 by default) takes the rest; the next finds none.
    expect(await services.auth.app.get(NotificationRetention).sweep()).toBe(1);
    expect(await services.auth.app.get(NotificationRetention).sweep()).toBe(0);
    expect(await left()).toEqual([
      'retention-new-read',
      'retention-old-unread',
      'retention-read-lately',
    ]);
    const inbox = await api('GET', '/notifications?limit=10', { token: ivy.token });
    expect(inbox.body.items.map((n: any) => n.title).sort()).toEqual([
      'notification new-read',
      'notification old-unread',
      'notification read-lately',
    ]);
    expect(inbox.body.unreadCount).toBe(1);
  });
});
