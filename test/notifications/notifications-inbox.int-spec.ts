/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { RPC_PATTERNS } from '@prepmate/contracts';
import { createEvent, EventPublisher, RpcClient } from '@prepmate/messaging';
import { eventually, expectErrorShape } from '@prepmate/testing';
import { nextDigestAt } from '../../apps/auth/src/domain/digest-time';
import { UnsubscribeLinks } from '../../apps/auth/src/notifications/unsubscribe-links';
import { listUnsubscribe, notificationsSystem, PUBLIC_BASE_URL } from './notifications-system';

/**
 * Notifications through the gateway, with auth and the gateway on the real broker, database
 * and Redis, and a local SMTP server speaking the real protocol. The source events (produced
 * by roadmap, aggregation, ingestion and synergy) are published to the broker here, signed
 * like any service's.
 */
describe('notifications through the gateway: the digest, the inbox, export and deletion', () => {
  const { services, api, register, publish, notificationsOf, setPreferences } =
    notificationsSystem();

  it('sends one morning digest with several notifications, at 08:00 in the learner’s time zone', async () => {
    const dee = await register();
    const zone = await api('PATCH', '/auth/me', {
      token: dee.token,
      body: { timeZone: 'Asia/Tokyo' },
    });
    expect(zone.status).toBe(200);
    const before = new Date();
    await publish('goal.reached', {
      userId: dee.userId,
      goalId: 'g1',
      kind: 'problems',
      topic: null,
      target: 10,
      progress: 10,
      weekStart: '2026-11-30',
    });
    await publish('goal.at_risk', {
      userId: dee.userId,
      goalId: 'g2',
      kind: 'minutes',
      topic: null,
      target: 300,
      progress: 40,
      weekStart: '2026-11-30',
    });
    await publish('revisions.due', {
      userId: dee.userId,
      dueCount: 4,
      topics: ['graphs', 'greedy'],
      localDate: '2026-12-01',
    });
    await eventually(
      () => notificationsOf(dee.userId),
      (docs) => docs.length === 3 && docs.every((doc) => doc.emailState === 'digest'),
      { what: "dee's three notifications waiting for the digest" },
    );
    const settings = await services.db
      .collection('notification_settings')
      .findOne({ _id: dee.userId as never });
    const due = settings!.nextDigestAt as Date;
    // 08:00 in Tokyo (UTC+9) is 23:00Z; the first such instant after the notifications.
    expect(due.toISOString()).toBe(nextDigestAt(before, 'Asia/Tokyo', 8).toISOString());
    expect(due.getUTCHours()).toBe(23);
    expect(services.smtp.to(dee.email)).toEqual([]);

    // The morning comes (the stored time is moved to the past); the scan queues the digest.
    await services.db
      .collection('notification_settings')
      .updateOne(
        { _id: dee.userId as never },
        { $set: { nextDigestAt: new Date(Date.now() - 1000) } },
      );
    const [digest] = await eventually(
      () => services.smtp.to(dee.email),
      (emails) => emails.length === 1,
      { what: 'the digest email', timeoutMs: 20_000 },
    );
    expect(digest.mail.subject).toBe('Your PrepMate digest: 3 updates');
    for (const title of [
      'Weekly goal reached',
      'Weekly goal at risk',
      '4 revision cards due today',
    ])
      expect(digest.mail.text).toContain(title);
    expect(digest.mail.text).toContain('Stop emails about goals reached: ');
    expect(digest.mail.text).toContain('Stop emails about goals at risk: ');
    expect(digest.mail.text).toContain('Stop emails about revision reminders: ');
    // One URL per kind in the header, the same links as in the text.
    const links = [...(digest.mail.text ?? '').matchAll(/Stop emails about [^:]+: (\S+)/g)].map(
      (match) => match[1],
    );
    expect(links).toHaveLength(3);
    expect(listUnsubscribe(digest)).toBe(links.map((url) => `<${url}>`).join(', '));
    await eventually(
      () => notificationsOf(dee.userId),
      (docs) => docs.every((doc) => doc.emailState === 'sent'),
      { what: 'the digest notifications recorded as sent' },
    );
    const after = await services.db
      .collection('notification_settings')
      .findOne({ _id: dee.userId as never });
    expect(after!.nextDigestAt).toBeNull();
    // Several more scans go by: still one digest.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(services.smtp.to(dee.email)).toHaveLength(1);
  });

  it('pages newest first with the unread count; another learner can neither read nor mark them', async () => {
    const eve = await register();
    const fay = await register();
    const published: string[] = [];
    for (let day = 1; day <= 25; day += 1) {
      const event = await publish('revisions.due', {
        userId: eve.userId,
        dueCount: day,
        topics: [],
        localDate: `2026-11-${String(day).padStart(2, '0')}`,
      });
      published.push(`${event.eventId}:${eve.userId}`);
    }
    // The same event delivered twice is stored once.
    const again = createEvent(
      'revisions.due',
      { userId: eve.userId, dueCount: 99, topics: [], localDate: '2026-11-30' },
      'aggregation',
    );
    await services.auth.app.get(EventPublisher).publish(again);
    await services.auth.app.get(EventPublisher).publish(again);
    published.push(`${again.eventId}:${eve.userId}`);
    await eventually(
      async () => (await api('GET', '/notifications?limit=1', { token: eve.token })).body,
      (body) => body.unreadCount === 26,
      { what: "eve's 26 notifications" },
    );

    const seen: any[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=10&cursor=${cursor}` : '?limit=10';
      const page = await api('GET', `/notifications${query}`, { token: eve.token });
      expect(page.status).toBe(200);
      expect(page.body.unreadCount).toBe(26);
      pageSizes.push(page.body.items.length);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pageSizes).toEqual([10, 10, 6]);
    expect(new Set(seen.map((n) => n.id))).toEqual(new Set(published));
    const order = seen.map((n) => `${n.createdAt}|${n.id}`);
    expect([...order].sort().reverse()).toEqual(order);
    expectErrorShape(
      await api('GET', '/notifications?cursor=bogus', { token: eve.token }),
      400,
      'VALIDATION_FAILED',
    );

    // Fay sees none of eve's, and cannot mark one (404, as for one that does not exist).
    expect((await api('GET', '/notifications', { token: fay.token })).body.items).toEqual([]);
    const target = seen[3].id;
    expectErrorShape(
      await api('POST', `/notifications/${target}/read`, { token: fay.token }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await api('POST', '/notifications/not-an-id/read', { token: eve.token }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(await api('GET', '/notifications'), 401, 'UNAUTHENTICATED');
    expect((await api('POST', '/notifications/read-all', { token: fay.token })).body).toEqual({
      marked: 0,
      unreadCount: 0,
    });

    const marked = await api('POST', `/notifications/${target}/read`, { token: eve.token });
    expect(marked.body).toEqual({ marked: 1, unreadCount: 25 });
    expect((await api('POST', `/notifications/${target}/read`, { token: eve.token })).body).toEqual(
      { marked: 0, unreadCount: 25 },
    );
    const first = await api('GET', '/notifications?limit=5', { token: eve.token });
    expect(first.body.items.find((n: any) => n.id === target).readAt).toEqual(expect.any(String));
    expect((await api('POST', '/notifications/read-all', { token: eve.token })).body).toEqual({
      marked: 25,
      unreadCount: 0,
    });
  });

  it('joins the export, and is deleted with the account; a deleted account gets no more', async () => {
    const gus = await register();
    const hal = await register();
    await setPreferences(gus, [{ kind: 'goal_at_risk', email: 'off' }]);
    await publish('streak.at_risk', {
      userId: gus.userId,
      currentStreak: 4,
      localDate: '2026-11-30',
    });
    await eventually(
      () => notificationsOf(gus.userId),
      (docs) => docs.length === 1,
      { what: "gus's notification" },
    );
    const exported = await services.gateway.app.get(RpcClient).request<any>(
      'auth',
      RPC_PATTERNS.userExport,
      {},
      {
        caller: { userId: gus.userId, role: 'student' },
      },
    );
    expect(exported.notifications).toEqual([
      expect.objectContaining({ kind: 'streak_at_risk', userId: gus.userId, readAt: null }),
    ]);
    expect(exported.notificationSettings.preferences.goal_at_risk).toEqual({
      inApp: true,
      email: 'off',
    });

    const deleted = await api('DELETE', '/me', { token: gus.token });
    expect(deleted.status).toBe(202);
    // The account, its notification and its settings.
    expect(deleted.body.deleted.auth).toBeGreaterThanOrEqual(3);
    expect(await notificationsOf(gus.userId)).toEqual([]);
    expect(
      await services.db
        .collection('notification_settings')
        .countDocuments({ _id: gus.userId as never }),
    ).toBe(0);

    // An old email's link of the deleted account answers, and recreates nothing.
    const oldLink = services.auth.app.get(UnsubscribeLinks).url(gus.userId, 'streak_at_risk');
    const followed = await api('GET', oldLink.slice(`${PUBLIC_BASE_URL}/api/v1`.length));
    expect(followed.body).toEqual({ kind: 'streak_at_risk', email: 'off' });
    expect(
      await services.db
        .collection('notification_settings')
        .countDocuments({ _id: gus.userId as never }),
    ).toBe(0);

    // An event for the deleted account still in flight stores nothing (gus is decided first).
    await publish('synergy.chat_unlocked', {
      userA: gus.userId,
      userB: hal.userId,
      score: 0.7,
      unlockedAt: new Date().toISOString(),
    });
    await eventually(
      () => notificationsOf(hal.userId),
      (docs) => docs.length === 1,
      { what: "hal's chat notification" },
    );
    expect(await notificationsOf(gus.userId)).toEqual([]);
  });
});
