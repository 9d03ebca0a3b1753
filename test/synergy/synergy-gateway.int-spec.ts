/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import {
  eventually,
  sleep,
  tapEvents,
  type EventTap,
  expectErrorShape,
  openSse,
  type SseStream,
} from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiveEventsConsumer } from '../../apps/gateway/src/live/live-events.consumer';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const codeforcesExport = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/codeforces/user-status-rishgod.json'), 'utf8'),
);

type Learner = { token: string; userId: string; name: string };

/** PRODUCT §6, written out here rather than imported from the service. */
const expectedLevel = (s: { easy: number; medium: number; hard: number }) =>
  10 * (1 - Math.exp(-(s.easy + 3 * s.medium + 6 * s.hard) / 200));

/**
 * Synergy end to end through the gateway with every real service: two learners import the
 * same Codeforces export (identical masteries: cosine 1; equal levels: proximity 1), one
 * writes 13 posts and the other 12, each scratches all of the other's past 0.6 on one day:
 * 0.4·25/100 + 0.3·1 + 0.2·1 + 0.1·1/15 = 0.60667 ≥ 0.6, so their chat unlocks, once.
 */
describe('synergy through the gateway', () => {
  let system: PipelineSystem;
  let tap: EventTap;
  let ada: Learner;
  let bob: Learner;
  let cy: Learner;
  const streams: SseStream[] = [];
  let adaStream: SseStream;
  let bobStream: SseStream;
  const postsOf: Record<string, string[]> = {};

  const api = (learner: Learner, method: string, path: string, body?: unknown) =>
    system.api(method, path, { token: learner.token, body });
  const stream = async (learner: Learner) => {
    const opened = await openSse(`${system.gateway.url}/api/v1/events/stream`, learner.token);
    streams.push(opened);
    return opened;
  };

  beforeAll(async () => {
    system = await startPipeline('synergy', {
      env: {
        aggregation: { AGGREGATION_DEBOUNCE_MS: '300' },
        synergy: { SYNERGY_PAIR_DEBOUNCE_MS: '1000', SYNERGY_SCRATCHES_PER_HOUR: '40' },
      },
    });
    await system.gateway.app.get(LiveEventsConsumer).waitUntilConsuming();
    tap = await tapEvents(system.exchange, ['synergy.chat_unlocked', 'chat.message_sent']);
    ada = { ...(await system.register('ada')), name: 'ada' };
    bob = { ...(await system.register('bob')), name: 'bob' };
    cy = { ...(await system.register('cy')), name: 'cy' };
  });

  afterAll(async () => {
    for (const opened of streams) opened.close();
    await tap?.close();
    await system?.stop();
  });

  it('projects the same import into the same level for both learners', async () => {
    for (const learner of [ada, bob]) {
      const imported = await api(
        learner,
        'POST',
        '/submissions/import?format=codeforces',
        codeforcesExport,
      );
      expect(imported.status).toBe(202);
    }
    const [adaLevel, bobLevel] = await eventually(
      async () => [
        (await api(ada, 'GET', '/me/level')).body,
        (await api(bob, 'GET', `/users/${bob.userId}/level`)).body,
      ],
      ([a, b]: any[]) => a?.points > 0 && b?.points === a.points && a.level === b.level,
      { what: 'equal levels from the two imports', timeoutMs: 60_000 },
    );
    const { easy, medium, hard } = adaLevel.solvedByDifficulty;
    expect(adaLevel.points).toBe(easy + 3 * medium + 6 * hard);
    expect(adaLevel.level).toBeCloseTo(expectedLevel(adaLevel.solvedByDifficulty), 9);
    expect(bobLevel).toMatchObject({ userId: bob.userId, level: adaLevel.level });
    const none = await api(cy, 'GET', '/me/level');
    expect(none.body).toEqual({
      userId: cy.userId,
      level: 0,
      points: 0,
      solvedByDifficulty: { easy: 0, medium: 0, hard: 0 },
    });
  });

  it('validates posts and normalizes their skills to taxonomy slugs', async () => {
    expectErrorShape(await api(ada, 'POST', '/posts', { content: '' }), 400, 'VALIDATION_FAILED');
    expectErrorShape(
      await api(ada, 'POST', '/posts', { content: 'x'.repeat(5_001) }),
      400,
      'VALIDATION_FAILED',
    );
    const unknown = await api(ada, 'POST', '/posts', {
      content: 'about knapsacks',
      skills: ['Dynamic Programming', 'basket weaving'],
    });
    expectErrorShape(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.details).toEqual([
      { field: 'skills[1]', message: expect.stringContaining('basket weaving') },
    ]);
    const created = await api(ada, 'POST', '/posts', {
      content: '# Knapsack\n\nI finally saw **why** the table is filled backwards.',
      skills: ['Dynamic Programming', 'dynamic-programming', 'graphs'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      authorId: ada.userId,
      skills: ['dynamic-programming', 'graphs'],
      topic: 'dynamic-programming',
      revealed: true,
      content: '# Knapsack\n\nI finally saw **why** the table is filled backwards.',
      length: 64,
      version: 1,
    });
    postsOf[ada.userId] = [created.body.id];
  });

  it('shows own posts in full and every other post masked, newest first, page by page', async () => {
    for (let i = postsOf[ada.userId].length; i < 13; i += 1) {
      const r = await api(ada, 'POST', '/posts', { content: `ada reflection ${i}` });
      expect(r.status).toBe(201);
      postsOf[ada.userId].push(r.body.id);
    }
    postsOf[bob.userId] = [];
    for (let i = 0; i < 12; i += 1) {
      const r = await api(bob, 'POST', '/posts', {
        content: `bob reflection ${i}`,
        skills: ['graphs'],
      });
      expect(r.status).toBe(201);
      postsOf[bob.userId].push(r.body.id);
    }
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=10&cursor=${cursor}` : '?limit=10';
      const page = await api(ada, 'GET', `/posts${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    const times = seen.map((p) => p.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const post of seen) {
      if (post.authorId === ada.userId)
        expect(post).toMatchObject({ revealed: true, content: expect.any(String) });
      else {
        expect(post).toMatchObject({
          authorId: bob.userId,
          revealed: false,
          topic: 'graphs',
          skills: ['graphs'],
        });
        expect(post).not.toHaveProperty('content');
        expect(post.length).toBe(`bob reflection ${postsOf[bob.userId].indexOf(post.id)}`.length);
      }
    }
    const mine = await api(bob, 'GET', `/users/${bob.userId}/posts?limit=100`);
    expect(mine.body.items.map((p: any) => p.id)).toEqual([...postsOf[bob.userId]].reverse());
    expectErrorShape(await api(ada, 'GET', '/posts?cursor=bogus'), 400, 'VALIDATION_FAILED');
  });

  it('refuses bad scratches and chat before the unlock', async () => {
    const bobPost = postsOf[bob.userId][0];
    expectErrorShape(
      await api(ada, 'POST', `/posts/${postsOf[ada.userId][0]}/scratch`, {
        points: [{ x: 0.1, y: 0.1 }],
        coverage: 0.9,
      }),
      400,
      'BAD_REQUEST',
    );
    expectErrorShape(
      await api(ada, 'POST', `/posts/${bobPost}/scratch`, { points: [], coverage: 0.5 }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(
      await api(ada, 'POST', `/posts/${bobPost}/scratch`, {
        points: [{ x: 1.2, y: 0 }],
        coverage: 1.5,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(
      await api(ada, 'POST', `/posts/0190a4c0-0000-7000-8000-000000000000/scratch`, {
        points: [{ x: 0.5, y: 0.5 }],
        coverage: 0.5,
      }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await api(ada, 'POST', `/chats/${bob.userId}/messages`, { text: 'hi' }),
      403,
      'CHAT_LOCKED',
    );
    expectErrorShape(await api(ada, 'GET', `/chats/${bob.userId}/messages`), 403, 'CHAT_LOCKED');
  });

  it('unlocks the chat once mutual scratches bring the score to 0.60667, and says so once', async () => {
    adaStream = await stream(ada);
    bobStream = await stream(bob);
    expect(adaStream.status).toBe(200);
    expect(adaStream.contentType).toContain('text/event-stream');
    const points = [
      { x: 0.1, y: 0.2 },
      { x: 0.4, y: 0.25 },
    ];
    // ada scratches every post of bob's: partly first (still masked), then past 0.6, then less.
    for (const postId of postsOf[bob.userId]) {
      const first = await api(ada, 'POST', `/posts/${postId}/scratch`, { points, coverage: 0.3 });
      expect(first.body).toEqual({ revealed: false, coverage: 0.3 });
      const second = await api(ada, 'POST', `/posts/${postId}/scratch`, { points, coverage: 0.7 });
      expect(second.body).toEqual({ revealed: true, coverage: 0.7 });
    }
    const again = await api(ada, 'POST', `/posts/${postsOf[bob.userId][0]}/scratch`, {
      points,
      coverage: 0.2,
    });
    expect(again.body).toEqual({ revealed: true, coverage: 0.7 });
    for (const postId of postsOf[ada.userId]) {
      const r = await api(bob, 'POST', `/posts/${postId}/scratch`, { points, coverage: 0.65 });
      expect(r.body).toEqual({ revealed: true, coverage: 0.65 });
    }
    const revealed = await api(ada, 'GET', `/posts/${postsOf[bob.userId][3]}`);
    expect(revealed.body).toMatchObject({
      revealed: true,
      content: 'bob reflection 3',
      coverage: 0.7,
    });

    const expectedScore =
      0.4 * Math.min(25 / 100, 1) + 0.3 * 1 + 0.2 * 1 + 0.1 * Math.min(1 / 15, 1);
    const pair = await eventually(
      () => api(ada, 'GET', `/synergy/${bob.userId}`),
      (r) =>
        r.status === 200 && r.body.chatUnlocked && Math.abs(r.body.score - expectedScore) < 1e-6,
      { what: `the pair scored ${expectedScore}`, timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(pair.body).toMatchObject({
      userId: bob.userId,
      scratchedByMe: 12,
      scratchedByThem: 13,
      interactionDays: 1,
      chatUnlocked: true,
    });
    expect(pair.body.mutualScratchWeight).toBeCloseTo(0.25, 9);
    expect(pair.body.levelProximityScore).toBeCloseTo(1, 9);
    expect(pair.body.topicSimilarityScore).toBeCloseTo(1, 9);
    expect(pair.body.consistencyFactor).toBeCloseTo(1 / 15, 9);
    expect(pair.body.score).toBeCloseTo(0.60667, 5);
    const fromBob = await api(bob, 'GET', `/synergy/${ada.userId}`);
    expect(fromBob.body).toMatchObject({
      userId: ada.userId,
      scratchedByMe: 13,
      scratchedByThem: 12,
      score: pair.body.score,
    });
    const list = await api(ada, 'GET', '/synergy?limit=10');
    expect(list.body.items.map((p: any) => p.userId)).toEqual([bob.userId]);

    await eventually(
      () => tap.of('synergy.chat_unlocked').length,
      (n) => n >= 1,
      { what: 'synergy.chat_unlocked', timeoutMs: 10_000 },
    );
    // Another scratch recomputes the pair; the event is not published again.
    await api(bob, 'POST', `/posts/${postsOf[ada.userId][0]}/scratch`, { points, coverage: 0.9 });
    await eventually(
      () => api(ada, 'GET', `/synergy/${bob.userId}`),
      (r) => r.body.calculatedAt > pair.body.calculatedAt,
      { what: 'a second recompute', timeoutMs: 30_000, intervalMs: 250 },
    );
    await sleep(500);
    const unlocked = tap.of('synergy.chat_unlocked');
    expect(unlocked).toHaveLength(1);
    const [userA, userB] = [ada.userId, bob.userId].sort();
    expect(unlocked[0].payload).toMatchObject({ userA, userB });
    // The score the pair had when it crossed 0.6: the debounced job may have run after Bob's
    // 11th scratch (24 in all: 0.4·0.24 + 0.5 + 0.1/15 = 0.60267) or after the last (0.60667).
    expect(unlocked[0].payload.score).toBeGreaterThanOrEqual(0.6);
    expect(unlocked[0].payload.score).toBeLessThanOrEqual(expectedScore + 1e-9);
    for (const opened of [adaStream, bobStream]) {
      await eventually(
        () => opened.frames.filter((f) => f.event === 'synergy.chat_unlocked'),
        (frames) => frames.length === 1,
        { what: 'the unlock on the stream' },
      );
    }
  });

  it('delivers a chat message live and keeps it for a client that reconnects', async () => {
    const sent = await api(ada, 'POST', `/chats/${bob.userId}/messages`, {
      text: 'Knapsack call tonight?',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      from: ada.userId,
      to: bob.userId,
      text: 'Knapsack call tonight?',
    });
    const frame = await eventually(
      () => bobStream.frames.find((f) => f.event === 'chat.message_sent'),
      (f) => f !== undefined,
      { what: 'the message on bob’s stream' },
    );
    expect(JSON.parse(frame!.data)).toMatchObject({
      messageId: sent.body.id,
      from: ada.userId,
      text: 'Knapsack call tonight?',
    });
    expect(tap.of('chat.message_sent')).toHaveLength(1);

    bobStream.close();
    const missed = await api(ada, 'POST', `/chats/${bob.userId}/messages`, {
      text: 'Or tomorrow?',
    });
    expect(missed.status).toBe(201);
    bobStream = await stream(bob);
    const chats = await api(bob, 'GET', '/chats');
    expect(chats.body.items).toEqual([
      {
        userId: ada.userId,
        lastMessage: expect.objectContaining({ text: 'Or tomorrow?' }),
        unreadCount: 2,
      },
    ]);
    const history = await api(bob, 'GET', `/chats/${ada.userId}/messages?limit=1`);
    expect(history.body.items.map((m: any) => m.text)).toEqual(['Or tomorrow?']);
    const older = await api(
      bob,
      'GET',
      `/chats/${ada.userId}/messages?cursor=${history.body.nextCursor}`,
    );
    expect(older.body).toMatchObject({
      items: [expect.objectContaining({ text: 'Knapsack call tonight?' })],
      nextCursor: null,
    });
    expect((await api(bob, 'GET', '/chats')).body.items[0].unreadCount).toBe(0);
    expectErrorShape(
      await api(bob, 'POST', `/chats/${ada.userId}/messages`, { text: 'x'.repeat(2_001) }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('keeps a third learner masked, locked out of the chat and offered both as suggestions', async () => {
    const feed = await api(cy, 'GET', '/posts?limit=100');
    expect(feed.body.items).toHaveLength(25);
    for (const post of feed.body.items) {
      expect(post.revealed).toBe(false);
      expect(post).not.toHaveProperty('content');
    }
    expectErrorShape(
      await api(cy, 'POST', `/chats/${ada.userId}/messages`, { text: 'hello?' }),
      403,
      'CHAT_LOCKED',
    );
    expectErrorShape(await api(cy, 'GET', `/synergy/${ada.userId}`), 404, 'NOT_FOUND');
    const suggested = await api(cy, 'GET', '/synergy/suggestions');
    expect(suggested.body.items.map((s: any) => s.userId).sort()).toEqual(
      [ada.userId, bob.userId].sort(),
    );
    const forAda = await api(ada, 'GET', '/synergy/suggestions');
    expect(forAda.body.items.map((s: any) => s.userId)).not.toContain(bob.userId);
  });

  it('limits posting and scratching per hour', async () => {
    for (let i = 0; i < 30; i += 1)
      expect((await api(cy, 'POST', '/posts', { content: `cy ${i}` })).status).toBe(201);
    expectErrorShape(
      await api(cy, 'POST', '/posts', { content: 'one too many' }),
      429,
      'RATE_LIMITED',
    );
    const target = postsOf[ada.userId][1];
    for (let i = 0; i < 40; i += 1)
      expect(
        (
          await api(cy, 'POST', `/posts/${target}/scratch`, {
            points: [{ x: 0.5, y: 0.5 }],
            coverage: 0.01 * i,
          })
        ).status,
      ).toBe(200);
    expectErrorShape(
      await api(cy, 'POST', `/posts/${target}/scratch`, {
        points: [{ x: 0.5, y: 0.5 }],
        coverage: 0.5,
      }),
      429,
      'RATE_LIMITED',
    );
  });

  it('edits and deletes own posts only', async () => {
    const postId = postsOf[bob.userId][11];
    expectErrorShape(
      await api(ada, 'PATCH', `/posts/${postId}`, { content: 'mine now' }),
      403,
      'FORBIDDEN',
    );
    const edited = await api(bob, 'PATCH', `/posts/${postId}`, { content: 'bob, edited' });
    expect(edited.body).toMatchObject({ content: 'bob, edited', length: 11, version: 2 });
    expect((await api(ada, 'GET', `/posts/${postId}`)).body).toMatchObject({
      content: 'bob, edited',
      revealed: true,
    });
    expect((await api(bob, 'DELETE', `/posts/${postId}`)).status).toBe(200);
    expectErrorShape(await api(ada, 'GET', `/posts/${postId}`), 404, 'NOT_FOUND');
    expectErrorShape(
      await api(ada, 'POST', `/posts/${postId}/scratch`, {
        points: [{ x: 0.5, y: 0.5 }],
        coverage: 0.9,
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('exports and deletes a learner’s posts, scratches, pairs and messages', async () => {
    const exported = await api(cy, 'GET', '/me/export');
    expect(exported.status).toBe(200);
    const mine = exported.body.services.synergy;
    expect(mine.posts).toHaveLength(30);
    expect(mine.scratches).toHaveLength(40);
    expect(mine.synergyPairs).toHaveLength(1);
    const adaPairs = await eventually(
      () => api(ada, 'GET', '/synergy'),
      (r) => r.body.items.length === 2,
      { what: 'ada’s pairs with bob and cy' },
    );
    expect(adaPairs.body.items[0].userId).toBe(bob.userId);

    expect((await api(cy, 'DELETE', '/me')).status).toBe(202);
    const feed = await api(ada, 'GET', '/posts?limit=100');
    expect(feed.body.items.some((p: any) => p.authorId === cy.userId)).toBe(false);
    expect((await api(ada, 'GET', '/synergy')).body.items.map((p: any) => p.userId)).toEqual([
      bob.userId,
    ]);
    // A token issued before the deletion recreates nothing.
    const late = await api(cy, 'POST', '/posts', { content: 'still here?' });
    expect(late.status).toBe(401);

    expect((await api(bob, 'DELETE', '/me')).status).toBe(202);
    expect((await api(ada, 'GET', '/chats')).body.items).toEqual([]);
    expect((await api(ada, 'GET', '/synergy')).body.items).toEqual([]);
    const adaExport = await api(ada, 'GET', '/me/export');
    expect(adaExport.body.services.synergy.chatMessages).toEqual([]);
  });
});
