/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, expectErrorShape, openSse } from '@prepmate/testing';
import { listUnsubscribe, notificationsSystem, PUBLIC_BASE_URL } from './notifications-system';

/**
 * Notifications through the gateway, with auth and the gateway on the real broker, database
 * and Redis, and a local SMTP server speaking the real protocol. The source events (produced
 * by roadmap, aggregation, ingestion and synergy) are published to the broker here, signed
 * like any service's.
 */
describe('notifications through the gateway: live stream, email and preferences', () => {
  const {
    services,
    streams,
    api,
    register,
    publish,
    notificationsOf,
    taskCompleted,
    setPreferences,
  } = notificationsSystem();

  it('delivers a notification on the live stream and by email, whose link turns that email off', async () => {
    const ada = await register();
    await setPreferences(ada, [{ kind: 'task_completed', email: 'immediate' }]);
    const stream = await openSse(`${services.gateway.url}/api/v1/events/stream`, ada.token);
    streams.push(stream);
    expect(stream.status).toBe(200);

    const event = await publish('task.completed', taskCompleted(ada.userId, 'task-1'));

    const frame = await eventually(
      () => stream.frames.find((f) => f.event === 'notification.created'),
      (found) => found !== undefined,
      { what: 'notification.created on the stream' },
    );
    const pushed = JSON.parse(frame!.data);
    expect(pushed).toMatchObject({
      notificationId: `${event.eventId}:${ada.userId}`,
      userId: ada.userId,
      kind: 'task_completed',
      title: 'Task verified',
      data: { taskId: 'task-1', problemId: 'cf-1459B' },
    });

    const [email] = await eventually(
      () => services.smtp.to(ada.email),
      (emails) => emails.length === 1,
      { what: 'the immediate email' },
    );
    expect(email.mail.subject).toBe('Task verified');
    expect(email.mail.from?.value).toEqual([
      { name: 'PrepMate', address: 'no-reply@prepmate.test' },
    ]);
    expect(email.mail.to && 'text' in email.mail.to ? email.mail.to.text : '').toBe(ada.email);
    expect(email.mail.text).toContain('Problem cf-1459B was verified on Codeforces.');
    const link = /Stop emails about verified tasks: (\S+)/.exec(email.mail.text ?? '')?.[1];
    expect(link).toMatch(
      new RegExp(`^${PUBLIC_BASE_URL}/api/v1/notifications/unsubscribe\\?token=[\\w-]+\\.[\\w-]+$`),
    );
    expect(listUnsubscribe(email)).toBe(`<${link}>`);
    expect(email.mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(email.mail.html).toContain('Stop emails about verified tasks');

    // The stored notification is the one listed, and the email is recorded as sent.
    const listed = await api('GET', '/notifications', { token: ada.token });
    expect(listed.body).toMatchObject({
      unreadCount: 1,
      nextCursor: null,
      items: [{ id: pushed.notificationId, kind: 'task_completed', readAt: null }],
    });
    await eventually(
      async () => (await notificationsOf(ada.userId))[0]?.emailState,
      (state) => state === 'sent',
      { what: 'the email state to be sent' },
    );

    // Following the link (no login) turns that kind's email off, and nothing else.
    const path = link!.slice(PUBLIC_BASE_URL.length + '/api/v1'.length);
    const followed = await api('GET', path);
    expect(followed.status).toBe(200);
    expect(followed.body).toEqual({ kind: 'task_completed', email: 'off' });
    const preferences = await api('GET', '/me/notification-preferences', { token: ada.token });
    expect(preferences.body.emailEnabled).toBe(true);
    const byKind = Object.fromEntries(preferences.body.preferences.map((p: any) => [p.kind, p]));
    expect(byKind.task_completed).toEqual({ kind: 'task_completed', inApp: true, email: 'off' });
    expect(byKind.sync_failing).toEqual({ kind: 'sync_failing', inApp: true, email: 'immediate' });

    // The next verified task is listed and pushed, but no longer emailed.
    const second = await publish('task.completed', taskCompleted(ada.userId, 'task-2'));
    const stored = await eventually(
      async () =>
        (await notificationsOf(ada.userId)).find(
          (n) => n._id === (`${second.eventId}:${ada.userId}` as unknown),
        ),
      (found) => found !== undefined,
      { what: 'the second notification' },
    );
    expect(stored!.emailState).toBe('none');
    // sync.failing is still emailed at once (its default): the mailbox gets that, not task-2.
    await publish('sync.failing', {
      userId: ada.userId,
      platform: 'codeforces',
      consecutiveFailures: 3,
      lastError: 'codeforces is unavailable',
      failedAt: new Date().toISOString(),
    });
    const emails = await eventually(
      () => services.smtp.to(ada.email),
      (all) => all.length === 2,
      { what: 'the sync email' },
    );
    expect(emails.map((e) => e.mail.subject)).toEqual([
      'Task verified',
      'Codeforces sync is failing',
    ]);
  });

  it('refuses a forged or altered unsubscribe link, changing nothing', async () => {
    expectErrorShape(
      await api('GET', '/notifications/unsubscribe?token=abc.def'),
      400,
      'BAD_REQUEST',
    );
    expectErrorShape(await api('GET', '/notifications/unsubscribe'), 400, 'VALIDATION_FAILED');
    const forged = Buffer.from(JSON.stringify({ u: 'someone', k: 'goal_reached' })).toString(
      'base64url',
    );
    expectErrorShape(
      await api('POST', `/notifications/unsubscribe?token=${forged}.AAAA`),
      400,
      'BAD_REQUEST',
    );
  });

  it('respects preferences: a kind off in the app and by email is not stored for that learner', async () => {
    const bob = await register();
    const cy = await register();
    await setPreferences(bob, [{ kind: 'chat_unlocked', inApp: false, email: 'off' }]);
    // Bob is userA: his notification is decided before cy's is stored.
    await publish('synergy.chat_unlocked', {
      userA: bob.userId,
      userB: cy.userId,
      score: 0.61,
      unlockedAt: new Date().toISOString(),
    });
    const cyList = await eventually(
      async () => (await api('GET', '/notifications', { token: cy.token })).body,
      (body) => body.items.length === 1,
      { what: "cy's chat notification" },
    );
    expect(cyList.items[0]).toMatchObject({
      kind: 'chat_unlocked',
      title: 'Chat unlocked',
      data: { partnerId: bob.userId },
    });
    expect(await notificationsOf(bob.userId)).toEqual([]);
    const bobList = await api('GET', '/notifications', { token: bob.token });
    expect(bobList.body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });

    // In-app off but digest on: stored for the digest, never listed nor counted.
    await setPreferences(bob, [{ kind: 'goal_reached', inApp: false, email: 'digest' }]);
    await publish('goal.reached', {
      userId: bob.userId,
      goalId: 'g-bob',
      kind: 'problems',
      topic: null,
      target: 5,
      progress: 5,
      weekStart: '2026-11-30',
    });
    const hidden = await eventually(
      () => notificationsOf(bob.userId),
      (docs) => docs.length === 1,
      { what: "bob's digest-only notification" },
    );
    expect(hidden[0]).toMatchObject({ inApp: false, emailState: 'digest', kind: 'goal_reached' });
    expect((await api('GET', '/notifications', { token: bob.token })).body.unreadCount).toBe(0);

    // Invalid preferences are refused whole.
    const refused = await api('PUT', '/me/notification-preferences', {
      token: bob.token,
      body: { preferences: [{ kind: 'chat_unlocked', email: 'hourly' }] },
    });
    expectErrorShape(refused, 400, 'VALIDATION_FAILED');
    const unknownKind = await api('PUT', '/me/notification-preferences', {
      token: bob.token,
      body: { preferences: [{ kind: 'everything', email: 'off' }] },
    });
    expectErrorShape(unknownKind, 400, 'VALIDATION_FAILED');
  });
});
