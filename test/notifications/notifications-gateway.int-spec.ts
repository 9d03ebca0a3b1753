/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { getConnectionToken } from '@nestjs/mongoose';
import {
  type EventPayloads,
  type EventType,
  type NotificationKind,
  RPC_PATTERNS,
} from '@prepmate/contracts';
import { createEvent, EventPublisher, RabbitMqTransport, RpcClient } from '@prepmate/messaging';
import {
  deleteSystemTopology,
  eventually,
  isolatedEnv,
  startTestService,
  type TestService,
  apiClient,
  expectErrorShape,
  openSse,
  type SseStream,
} from '@prepmate/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { nextDigestAt } from '../../apps/auth/src/domain/digest-time';
import { UnsubscribeLinks } from '../../apps/auth/src/notifications/unsubscribe-links';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { LiveEventsConsumer } from '../../apps/gateway/src/live/live-events.consumer';
import { startSmtpInbox, type ReceivedEmail, type SmtpInbox } from './smtp-inbox';

type Learner = { token: string; userId: string; email: string };

/** The raw `List-Unsubscribe` header of a received message, unfolded. */
function listUnsubscribe(email: ReceivedEmail): string | undefined {
  const line = email.mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line;
  return line?.replace(/^List-Unsubscribe:\s*/i, '').replace(/\r?\n\s+/g, ' ');
}

/** Where emails say the gateway is; the test follows their links on the real gateway. */
const PUBLIC_BASE_URL = 'https://prepmate.test';

/**
 * Notifications through the gateway, with auth and the gateway on the real broker, database
 * and Redis, and a local SMTP server speaking the real protocol. The source events (produced
 * by roadmap, aggregation, ingestion and synergy) are published to the broker here, signed
 * like any service's.
 */
describe('notifications through the gateway', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('notify');
  const shared = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    REDIS_KEY_PREFIX: `${prefix}:`,
    RPC_TIMEOUT_MS: '8000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000',
    RATE_LIMIT_USER_PER_MINUTE: '10000',
  };
  let smtp: SmtpInbox;
  let auth: TestService;
  let gateway: TestService;
  let api: ReturnType<typeof apiClient>;
  let db: Connection;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    auth = await startTestService({
      module: AuthModule,
      transport: RabbitMqTransport,
      env: {
        ...shared,
        MONGO_DB: `${prefix}_auth`,
        JWT_DEV_KEYS_DIR: mkdtempSync(join(tmpdir(), 'prepmate-keys-')),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'PrepMate <no-reply@prepmate.test>',
        PUBLIC_BASE_URL,
        NOTIFY_DIGEST_SCAN_MS: '300',
      },
    });
    await auth.app.get(RabbitMqTransport).waitUntilConsuming();
    gateway = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: shared,
    });
    await gateway.app.get(LiveEventsConsumer).waitUntilConsuming();
    api = apiClient(gateway.url);
    db = auth.app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await gateway?.close();
    if (auth) {
      await db?.dropDatabase().catch(() => undefined);
      await auth.close();
    }
    await smtp?.close();
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  let counter = 0;
  async function register(): Promise<Learner> {
    counter += 1;
    const email = `learner${counter}-${prefix}@example.com`;
    const response = await api('POST', '/auth/register', {
      body: { email, password: 'correct horse battery', name: `Learner ${counter}` },
    });
    expect(response.status).toBe(201);
    return { token: response.body.accessToken, userId: response.body.user.id, email };
  }

  /** Publishes a source event to the broker, signed, as its producer would. */
  async function publish<T extends EventType>(type: T, payload: EventPayloads[T]) {
    const event = createEvent(type, payload, 'roadmap');
    await auth.app.get(EventPublisher).publish(event);
    return event;
  }

  const notificationsOf = (userId: string) =>
    db.collection('notifications').find({ userId }).toArray();

  const taskCompleted = (userId: string, taskId: string): EventPayloads['task.completed'] => ({
    taskId,
    userId,
    topic: 'graphs',
    problemId: 'cf-1459B',
    verificationSource: 'codeforces',
    assignedBy: null,
    estimatedTimeMinutes: 30,
    evidence: { kind: 'submission', ref: 'codeforces:100001', at: new Date().toISOString() },
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    completedAt: new Date().toISOString(),
  });

  const setPreferences = async (
    learner: Learner,
    preferences: Array<{ kind: NotificationKind; inApp?: boolean; email?: string }>,
  ) => {
    const response = await api('PUT', '/me/notification-preferences', {
      token: learner.token,
      body: { preferences },
    });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('delivers a notification on the live stream and by email, whose link turns that email off', async () => {
    const ada = await register();
    await setPreferences(ada, [{ kind: 'task_completed', email: 'immediate' }]);
    const stream = await openSse(`${gateway.url}/api/v1/events/stream`, ada.token);
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
      () => smtp.to(ada.email),
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
      () => smtp.to(ada.email),
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
    const settings = await db
      .collection('notification_settings')
      .findOne({ _id: dee.userId as never });
    const due = settings!.nextDigestAt as Date;
    // 08:00 in Tokyo (UTC+9) is 23:00Z; the first such instant after the notifications.
    expect(due.toISOString()).toBe(nextDigestAt(before, 'Asia/Tokyo', 8).toISOString());
    expect(due.getUTCHours()).toBe(23);
    expect(smtp.to(dee.email)).toEqual([]);

    // The morning comes (the stored time is moved to the past); the scan queues the digest.
    await db
      .collection('notification_settings')
      .updateOne(
        { _id: dee.userId as never },
        { $set: { nextDigestAt: new Date(Date.now() - 1000) } },
      );
    const [digest] = await eventually(
      () => smtp.to(dee.email),
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
    const after = await db
      .collection('notification_settings')
      .findOne({ _id: dee.userId as never });
    expect(after!.nextDigestAt).toBeNull();
    // Several more scans go by: still one digest.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.to(dee.email)).toHaveLength(1);
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
    await auth.app.get(EventPublisher).publish(again);
    await auth.app.get(EventPublisher).publish(again);
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
    const exported = await gateway.app.get(RpcClient).request<any>(
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
      await db.collection('notification_settings').countDocuments({ _id: gus.userId as never }),
    ).toBe(0);

    // An old email's link of the deleted account answers, and recreates nothing.
    const oldLink = auth.app.get(UnsubscribeLinks).url(gus.userId, 'streak_at_risk');
    const followed = await api('GET', oldLink.slice(`${PUBLIC_BASE_URL}/api/v1`.length));
    expect(followed.body).toEqual({ kind: 'streak_at_risk', email: 'off' });
    expect(
      await db.collection('notification_settings').countDocuments({ _id: gus.userId as never }),
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
