/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, schedulerKeys, sleep, tapEvents, type EventTap } from '@prepmate/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { IngestionUserData } from '../../apps/ingestion/src/ingestion-user-data';
import { PlatformCircuitBreakers } from '../../apps/ingestion/src/platforms/circuit-breakers';
import { PlatformUnavailableError } from '../../apps/ingestion/src/platforms/platform-errors';
import {
  AUTO_SCAN_SCHEDULER,
  RETRY_SCAN_SCHEDULER,
  SyncQueue,
} from '../../apps/ingestion/src/sync/sync-queue';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';
import { RecordedPlatformServer } from '../support/recorded-platform-server';

const INTERVAL_MS = 2000;
const FIRST_DELAY_MS = 1000;
const JITTER = 0.1;
const RATE_WINDOW_MS = 1500;
const HALF_OPEN_AFTER_MS = 2500;

/**
 * Automatic syncs of linked accounts (docs/product.md#automatic-sync) against the recorded
 * Codeforces server: they run without anyone pressing sync, keep their schedule in the
 * database (a Redis flush loses nothing), are paced per platform, skip a platform whose
 * circuit is open, and tell the owner once per streak of 3 failures.
 */
describe('automatic syncs of linked accounts', () => {
  const server = new RecordedPlatformServer();
  let system: PipelineSystem;
  let tap: EventTap;

  beforeAll(async () => {
    await server.start();
    system = await startPipeline('autosync', {
      skip: ['normalization', 'aggregation', 'roadmap', 'synergy', 'advisory'],
      env: {
        ingestion: {
          CODEFORCES_API_URL: `${server.url}/api`,
          LEETCODE_GRAPHQL_URL: `${server.url}/graphql`,
          PLATFORM_HTTP_TIMEOUT_MS: '1000',
          CIRCUIT_FAILURE_THRESHOLD: '50',
          CIRCUIT_HALF_OPEN_AFTER_MS: String(HALF_OPEN_AFTER_MS),
          SYNC_AUTO_INTERVAL_MS: String(INTERVAL_MS),
          SYNC_AUTO_FIRST_DELAY_MS: String(FIRST_DELAY_MS),
          SYNC_AUTO_JITTER: String(JITTER),
          SYNC_AUTO_SCAN_INTERVAL_MS: '250',
          SYNC_SCHEDULER_INTERVAL_MS: '250',
          SYNC_BACKOFF_BASE_MS: '100',
          SYNC_MAX_RETRIES: '5',
          SYNC_CODEFORCES_RATE: '2',
          SYNC_RATE_WINDOW_MS: String(RATE_WINDOW_MS),
          INTEGRATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        },
      },
    });
    tap = await tapEvents(system.exchange, ['sync.failing']);
  });

  afterAll(async () => {
    await tap?.close();
    await system?.stop();
    await server.stop();
  });

  const ingestion = () => system.services.get('ingestion')!.app;
  const states = (token: string) =>
    system.api('GET', '/sync/state', { token }).then((r) => r.body as any[]);
  const codeforces = async (token: string) =>
    (await states(token)).find((s) => s.platform === 'codeforces');
  const link = (token: string) =>
    system.api('PUT', '/integrations/codeforces', { token, body: { username: 'rishgod' } });
  const unlink = (token: string) => system.api('DELETE', '/integrations/codeforces', { token });

  it('syncs a linked account on its own, again every interval, and shows the next run', async () => {
    const user = await system.register('auto-user');
    const linkedAt = Date.now();
    expect((await link(user.token)).status).toBe(200);
    const before = await codeforces(user.token);
    expect(before).toMatchObject({
      lastSyncStatus: 'never',
      totalSyncs: 0,
      consecutiveFailures: 0,
    });
    const firstDue = Date.parse(before.nextSyncAt);
    expect(firstDue - linkedAt).toBeGreaterThanOrEqual(FIRST_DELAY_MS - 50);
    expect(firstDue - linkedAt).toBeLessThanOrEqual(FIRST_DELAY_MS + 1000);
    expect(before.nextRunAt).toBe(before.nextSyncAt);

    const first = await eventually(
      () => codeforces(user.token),
      (s) => s.successfulSyncs >= 1 && s.runningSyncBatchId === null,
      { what: 'the first automatic sync', timeoutMs: 15_000 },
    );
    expect(first).toMatchObject({
      lastSyncStatus: 'succeeded',
      lastSyncedSubmissionId: '101778306',
    });
    // Claimed at its due time: the next one an interval (± jitter) later.
    expect(Date.parse(first.nextSyncAt) - firstDue).toBeGreaterThanOrEqual(
      INTERVAL_MS * (1 - JITTER),
    );
    expect(Date.parse(first.nextSyncAt) - firstDue).toBeLessThanOrEqual(
      INTERVAL_MS * (1 + JITTER) + 1000,
    );
    const second = await eventually(
      () => codeforces(user.token),
      (s) => s.successfulSyncs >= 2 && s.runningSyncBatchId === null,
      { what: 'the second automatic sync', timeoutMs: 15_000 },
    );
    expect(second.consecutiveFailures).toBe(0);
    const logs = await system.api('GET', '/sync/logs?platform=codeforces&limit=5', {
      token: user.token,
    });
    const starts = logs.body.items.map((l: any) => Date.parse(l.startTime)).reverse();
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(INTERVAL_MS * (1 - JITTER) - 300);
    expect((await unlink(user.token)).status).toBe(204);
  });

  it('paces each platform: no more syncs start in a window than its rate allows', async () => {
    // BullMQ's limiter counts starts in fixed windows, so two windows' worth of starts can
    // sit on either side of a boundary. Five accounts at 2 per window need three windows:
    // the first and the last start are at least one whole window apart.
    const names = ['pace-a', 'pace-b', 'pace-c', 'pace-d', 'pace-e'];
    const users = await Promise.all(names.map((n) => system.register(n)));
    try {
      for (const user of users) await link(user.token);
      const done = await Promise.all(
        users.map((user) =>
          eventually(
            () =>
              system.api('GET', '/sync/logs?platform=codeforces&limit=5', { token: user.token }),
            (r) => r.body.items.some((l: any) => l.status === 'succeeded'),
            { what: 'each account synced', timeoutMs: 20_000 },
          ),
        ),
      );
      // Each account's first sync (its oldest log), whatever ran after it.
      const starts = done
        .map((r) => Math.min(...r.body.items.map((l: any) => Date.parse(l.startTime))))
        .sort((a, b) => a - b);
      expect(starts[4] - starts[0]).toBeGreaterThanOrEqual(RATE_WINDOW_MS - 200);
    } finally {
      for (const user of users) await unlink(user.token);
    }
  });

  it('tells the owner once per streak of 3 failures; a success resets the streak', async () => {
    const user = await system.register('failing-user');
    await link(user.token);
    const unavailable = {
      status: 503,
      body: '<html>Service Unavailable</html>',
      handle: 'rishgod',
    };
    try {
      server.script('user.status', unavailable, unavailable, unavailable, unavailable);
      const recovered = await eventually(
        () => codeforces(user.token),
        (s) =>
          s.failedSyncs >= 4 && s.lastSyncStatus === 'succeeded' && s.runningSyncBatchId === null,
        { what: 'four failures then a success', timeoutMs: 30_000 },
      );
      expect(recovered.consecutiveFailures).toBe(0);
      const mine = () => tap.of('sync.failing').filter((e) => e.payload.userId === user.userId);
      await eventually(
        async () => mine(),
        (events) => events.length >= 1,
        { what: 'sync.failing' },
      );
      await sleep(500);
      expect(mine()).toHaveLength(1);
      expect(mine()[0].payload).toMatchObject({
        platform: 'codeforces',
        consecutiveFailures: 3,
        lastError: 'codeforces: HTTP 503',
      });

      // A new streak is announced again.
      server.script('user.status', unavailable, unavailable, unavailable);
      await eventually(
        async () => mine(),
        (events) => events.length === 2,
        { what: 'the second streak announced', timeoutMs: 30_000 },
      );
      // The alerts are the user's data: exported and deleted with the rest (/me/export, DELETE /me).
      const alerts = ingestion()
        .get(IngestionUserData)
        .contributors.find((c) => c.name === 'syncFailureAlerts')!;
      expect(await alerts.exportUser(user.userId)).toEqual([
        expect.objectContaining({ platform: 'codeforces', consecutiveFailures: 3 }),
        expect.objectContaining({ platform: 'codeforces', consecutiveFailures: 3 }),
      ]);
      expect(await alerts.deleteUser(user.userId)).toBe(2);
    } finally {
      await unlink(user.token);
      server.clearScripts();
    }
  });

  it('skips a platform while its circuit is open and resumes after the half-open delay', async () => {
    const user = await system.register('circuit-user');
    await link(user.token);
    await eventually(
      () => codeforces(user.token),
      (s) => s.successfulSyncs >= 1 && s.runningSyncBatchId === null,
      { what: 'a first automatic sync', timeoutMs: 15_000 },
    );
    const breakers = ingestion().get(PlatformCircuitBreakers);
    for (let i = 0; i < 50; i += 1)
      await breakers
        .execute('codeforces', () =>
          Promise.reject(new PlatformUnavailableError('codeforces', 'down')),
        )
        .catch(() => undefined);
    expect(breakers.refusesCalls('codeforces')).toBe(true);
    const atOpen = (await codeforces(user.token)).totalSyncs;
    await sleep(HALF_OPEN_AFTER_MS - 500);
    const whileOpen = await codeforces(user.token);
    expect(whileOpen.totalSyncs).toBeLessThanOrEqual(atOpen + 1); // one may have been running
    expect(whileOpen.failedSyncs).toBe(0);
    await eventually(
      () => codeforces(user.token),
      (s) => s.successfulSyncs > whileOpen.successfulSyncs,
      { what: 'syncs to resume', timeoutMs: 15_000 },
    );
    expect(breakers.state('codeforces')).toBe('closed');
    await unlink(user.token);
  });

  it('keeps syncing after its Redis data is flushed (the schedulers come back)', async () => {
    const user = await system.register('flush-user');
    await link(user.token);
    const synced = await eventually(
      () => codeforces(user.token),
      (s) => s.successfulSyncs >= 1 && s.runningSyncBatchId === null,
      { what: 'an automatic sync before the flush', timeoutMs: 15_000 },
    );
    // Only this test's keys (its own prefix), never the shared Redis as a whole.
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    let deleted = 0;
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${system.prefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) deleted += await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    expect(deleted).toBeGreaterThan(0);
    const queue = ingestion().get(SyncQueue).queue;
    const schedulers = await eventually(
      () => schedulerKeys(queue),
      (keys) => keys.includes(AUTO_SCAN_SCHEDULER) && keys.includes(RETRY_SCAN_SCHEDULER),
      { what: 'the schedulers re-asserted' },
    );
    expect(schedulers).toEqual(expect.arrayContaining([AUTO_SCAN_SCHEDULER, RETRY_SCAN_SCHEDULER]));
    await eventually(
      () => codeforces(user.token),
      (s) => s.successfulSyncs > synced.successfulSyncs,
      { what: 'an automatic sync after the flush', timeoutMs: 45_000 },
    );
  }, 60_000);
});
