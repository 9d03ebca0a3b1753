/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, schedulerKeys } from '@prepmate/testing';
import { randomUUID } from 'node:crypto';
import { RETRY_SCAN_SCHEDULER, SyncQueue } from '../../apps/ingestion/src/sync/sync-queue';
import { SyncService } from '../../apps/ingestion/src/sync/sync.service';
import { SyncStateStore } from '../../apps/ingestion/src/sync/sync-state.store';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

const BATCH = 3;
const MINUTE = 60_000;

/**
 * The retry scan and the admin's retry-ready list read only the retries that are due
 * (docs/product.md#ingestion): a bounded range of `sync_states.retryDueAt`, in (time, id)
 * order, never every failed state — accounts whose retries ran out stay failed forever and
 * are never read. The scan's own scheduler is removed: the test runs its passes.
 */
describe('the bounded retry scan of failed syncs', () => {
  let system: PipelineSystem;
  let ops: { token: string };
  const states = () => system.db('ingestion').collection('sync_states');
  const ingestion = () => system.services.get('ingestion')!.app;

  const failedState = (overrides: Record<string, unknown>) => {
    const userId = randomUUID();
    return {
      _id: `${userId}:codeforces`,
      userId,
      platform: 'codeforces',
      lastSyncedSubmissionId: null,
      lastSyncedTimestamp: null,
      lastSyncStatus: 'failed',
      lastSyncAttempt: new Date(Date.now() - 90 * MINUTE),
      nextRetryTime: new Date(Date.now() - 80 * MINUTE),
      currentRetryAttempt: 1,
      maxRetries: 5,
      totalSyncs: 1,
      successfulSyncs: 0,
      failedSyncs: 1,
      lastError: 'codeforces: HTTP 503',
      runningSyncBatchId: null,
      runningSince: null,
      nextSyncAt: null,
      consecutiveFailures: 1,
      failureStreakStartedBy: null,
      ...overrides,
    };
  };
  const dueState = (minutesAgo: number) => {
    const at = new Date(Date.now() - minutesAgo * MINUTE);
    return failedState({ nextRetryTime: at, retryDueAt: at });
  };
  const retryReady = (query: string) =>
    system.api('GET', `/admin/sync/retry-ready${query}`, { token: ops.token });

  beforeAll(async () => {
    system = await startPipeline('retryscan', {
      admins: ['ops'],
      skip: ['normalization', 'aggregation', 'roadmap', 'synergy', 'advisory'],
      env: {
        ingestion: {
          SYNC_RETRY_BATCH: String(BATCH),
          SYNC_SCHEDULER_INTERVAL_MS: String(3600_000),
          SYNC_AUTO_SCAN_INTERVAL_MS: String(3600_000),
        },
      },
    });
    ops = await system.register('ops');
    const queue = ingestion().get(SyncQueue).queue;
    await eventually(
      () => schedulerKeys(queue),
      (keys) => keys.includes(RETRY_SCAN_SCHEDULER),
      { what: 'the retry-scan scheduler' },
    );
    await queue.removeJobScheduler(RETRY_SCAN_SCHEDULER);
    await eventually(
      () => queue.getJobCounts('waiting', 'active', 'delayed'),
      (counts) => counts.waiting + counts.active === 0,
      { what: 'no retry scan in flight' },
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('gives failed states from before retryDueAt their retry time once, at start', async () => {
    // Written without the field, as before it existed.
    const legacyWithRetries = failedState({ nextRetryTime: new Date(Date.now() + 120 * MINUTE) });
    const legacyExhausted = failedState({ currentRetryAttempt: 5 });
    await states().insertMany([legacyWithRetries, legacyExhausted] as never[]);
    expect(await ingestion().get(SyncStateStore).fillRetryDue(1)).toBe(2);
    const filled = await states()
      .find({ _id: { $in: [legacyWithRetries._id, legacyExhausted._id] } as never })
      .toArray();
    const dueOf = (id: string) => filled.find((s) => s._id === (id as never))!.retryDueAt;
    expect(dueOf(legacyWithRetries._id)).toEqual(legacyWithRetries.nextRetryTime);
    expect(dueOf(legacyExhausted._id)).toBeNull();
    expect(await ingestion().get(SyncStateStore).fillRetryDue(10)).toBe(0);
  });

  it('serves the scan from an index on (retryDueAt, _id)', async () => {
    const indexes = await states().indexes();
    expect(indexes.map((index) => index.key)).toContainEqual({ retryDueAt: 1, _id: 1 });
  });

  it('pages the due retries by a cursor in the database, never the exhausted ones', async () => {
    // Failed for good (no retry left) and not due yet: never listed, never started.
    const exhausted = Array.from({ length: 40 }, () =>
      failedState({ currentRetryAttempt: 5, retryDueAt: null }),
    );
    const later = [failedState({ retryDueAt: new Date(Date.now() + 60 * MINUTE) })];
    const due = [50, 40, 30, 20, 10].map(dueState);
    await states().insertMany([...exhausted, ...later, ...due] as never[]);

    const first = await retryReady('?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((s: any) => s.userId)).toEqual([due[0].userId, due[1].userId]);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    // A retry due before the cursor arrives meanwhile: the next page still starts after the
    // last one shown (an offset would show that one again).
    const earlier = dueState(60);
    await states().insertOne(earlier as never);
    const second = await retryReady(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((s: any) => s.userId)).toEqual([due[2].userId, due[3].userId]);
    const third = await retryReady(`?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((s: any) => s.userId)).toEqual([due[4].userId]);
    expect(third.body.nextCursor).toBeNull();

    const all = await retryReady('?limit=100');
    expect(all.body.items.map((s: any) => s.userId)).toEqual([
      earlier.userId,
      ...due.map((s) => s.userId),
    ]);
    expect(all.body.items[0]).toMatchObject({ lastSyncStatus: 'failed', currentRetryAttempt: 1 });
  });

  it('starts at most a batch per pass, the longest waiting first; the next pass takes the rest', async () => {
    const sync = ingestion().get(SyncService);
    const before = (await retryReady('?limit=100')).body.items.map((s: any) => s.userId);
    expect(before).toHaveLength(6);

    expect(await sync.startRetryReady()).toBe(BATCH);
    // A started retry is held off while it runs (and its failure sets the next one later).
    const rest = (await retryReady('?limit=100')).body.items.map((s: any) => s.userId);
    expect(rest).toEqual(before.slice(BATCH));

    expect(await sync.startRetryReady()).toBe(BATCH);
    expect(await sync.startRetryReady()).toBe(0);
    expect((await retryReady('')).body).toEqual({ items: [], nextCursor: null });

    const untouched = await states()
      .find({ currentRetryAttempt: 5, failedSyncs: 1, runningSyncBatchId: null } as never)
      .toArray();
    expect(untouched).toHaveLength(41);
  });
});
