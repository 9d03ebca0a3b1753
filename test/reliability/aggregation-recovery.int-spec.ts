import { eventually } from '@prepmate/testing';
import {
  AggregateStore,
  StaleAggregateError,
} from '../../apps/aggregation/src/aggregates/aggregate.store';
import type { AggregationConfig } from '../../apps/aggregation/src/aggregation.config';
import { AggregationQueue } from '../../apps/aggregation/src/jobs/aggregation-queue';
import { PendingSweep } from '../../apps/aggregation/src/jobs/pending-sweep';
import type { RoadmapDocument } from '../../apps/roadmap/src/roadmaps/roadmap.schema';
import { ProgressService } from '../../apps/roadmap/src/progress/progress.service';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

/**
 * Aggregation work whose BullMQ job is gone (its tries exhausted, or Redis lost it) must be
 * found from the database and finished (docs/reliability.md#aggregation-work).
 */
describe('aggregation recovery', () => {
  let system: PipelineSystem;

  beforeAll(async () => {
    system = await startPipeline('sweep', {
      skip: ['auth', 'ingestion', 'synergy', 'advisory'],
      env: {
        aggregation: {
          AGGREGATION_DEBOUNCE_MS: '100',
          AGGREGATION_SWEEP_EVERY_MS: '600000',
          AGGREGATION_PENDING_GRACE_MS: '60000',
        },
      },
    });
  });

  afterAll(() => system?.stop());

  const attempt = (userId: string, n: number, receivedAt: Date) => ({
    _id: `${userId}-sub-${n}`,
    userId,
    platform: 'codeforces',
    platformSubmissionId: String(n),
    canonicalProblemId: `problem-${n}`,
    verdict: 'accepted',
    difficulty: 'medium',
    topics: ['arrays'],
    submittedAt: new Date(Date.UTC(2026, 9, 1, 9, n)),
    solveTimeSeconds: null,
    receivedAt,
  });

  it('schedules and finishes old pending attempts of users without a job, and only those', async () => {
    const aggregation = system.services.get('aggregation')!;
    const db = system.db('aggregation');
    const now = new Date();
    const old = new Date(now.getTime() - 10 * 60_000);
    // A user whose job exhausted its tries long ago: attempts stored, still pending, no job.
    const lost = [attempt('lost-user', 1, old), attempt('lost-user', 2, old)];
    // A user whose attempts just arrived: its own job is about to run, not the sweep's business.
    const fresh = [attempt('fresh-user', 3, now)];
    await db.collection('attempts').insertMany([...lost, ...fresh] as never[]);
    await db.collection('pending_attempts').insertMany([...lost, ...fresh] as never[]);

    const queue = aggregation.app.get(AggregationQueue);
    await queue.markDataKept(); // Redis kept its data: the grace applies
    await queue.queue.removeJobScheduler('recompute-active-users'); // as after a Redis flush
    expect(await queue.hasJob('lost-user')).toBe(false);

    const outcome = await aggregation.app.get(PendingSweep).sweep(now);
    expect(outcome).toEqual({ waiting: 1, rescheduled: 1 });
    const schedulers = await queue.queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key)).toContain('recompute-active-users');

    const store = aggregation.app.get(AggregateStore);
    const aggregate = await eventually(
      () => store.load('lost-user'),
      (value) => value.attemptCount === 2,
      { what: 'the lost user aggregated' },
    );
    expect(aggregate.attemptCount).toBe(2);
    await eventually(
      () => db.collection('pending_attempts').countDocuments({ userId: 'lost-user' }),
      (count) => count === 0,
      { what: 'the lost attempts applied' },
    );
    expect((await store.load('fresh-user')).attemptCount).toBe(0);
  });

  it("after Redis lost the queue's data, reschedules every pending user at once, however recent", async () => {
    const aggregation = system.services.get('aggregation')!;
    const db = system.db('aggregation');
    const queue = aggregation.app.get(AggregationQueue);
    const now = new Date();
    // Attempts that arrived a moment ago: their job was added and then lost with Redis's data.
    const recent = [attempt('flushed-user', 4, now), attempt('flushed-user', 5, now)];
    await db.collection('attempts').insertMany(recent as never[]);
    await db.collection('pending_attempts').insertMany(recent as never[]);
    await queue.markDataKept();
    const sweep = aggregation.app.get(PendingSweep);
    // Data kept: a recent user is left to its own job (the grace).
    expect(await sweep.sweep(now)).toEqual({ waiting: 0, rescheduled: 0 });

    // Every key of the queue goes, as a FLUSHALL of the service's Redis would take them.
    const redis = await queue.queue.client;
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, {
        MATCH: `${queue.queue.qualifiedName}:*`,
        COUNT: 1000,
      });
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    expect(await queue.dataLost()).toBe(true);

    // Every user with pending attempts and no job: this one, and the first test's fresh user
    // when it ran before (its attempts never had a job).
    const pendingUsers = await db.collection('pending_attempts').distinct('userId');
    expect(pendingUsers).toContain('flushed-user');
    const outcome = await sweep.sweep();
    expect(outcome).toEqual({ waiting: pendingUsers.length, rescheduled: pendingUsers.length });
    expect(await queue.dataLost()).toBe(false);
    const aggregate = await eventually(
      () => aggregation.app.get(AggregateStore).load('flushed-user'),
      (value) => value.attemptCount === 2,
      { what: 'the flushed user aggregated' },
    );
    expect(aggregate.attemptCount).toBe(2);
    // The marker is back: the next sweep applies the grace again.
    expect(await sweep.sweep(new Date())).toEqual({ waiting: 0, rescheduled: 0 });
  });

  it("keeps a user's window fixed: later attempts join the waiting job, a recompute replaces it", async () => {
    const { queue } = system.services.get('aggregation')!.app.get(AggregationQueue);
    // The same queue with a window long enough to look at the waiting job.
    const windowed = new AggregationQueue(queue, {
      AGGREGATION_DEBOUNCE_MS: 5_000,
    } as AggregationConfig);
    const waiting = async () => {
      const id = await queue.getDeduplicationJobId('window-user');
      const job = id ? await queue.getJob(id) : undefined;
      return job && { id: job.id, dueAt: job.timestamp + job.delay, data: job.data };
    };
    const delayedOfUser = async () =>
      (await queue.getDelayed()).filter((job) => job.data.userId === 'window-user').length;
    await windowed.schedule('window-user');
    const first = await waiting();
    expect(first?.data).toEqual({ userId: 'window-user', recompute: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await windowed.schedule('window-user');
    // Not moved: a learner whose attempts keep coming is still aggregated every window.
    expect(await waiting()).toEqual(first);
    expect(await delayedOfUser()).toBe(1);

    await windowed.schedule('window-user', true);
    const recompute = await waiting();
    expect(recompute?.id).not.toBe(first?.id);
    expect(recompute?.data).toEqual({ userId: 'window-user', recompute: true });
    expect(await delayedOfUser()).toBe(1);
    // A plain attempt after it leaves the recompute in place.
    await windowed.schedule('window-user');
    expect(await waiting()).toEqual(recompute);
  });

  it('never stores an older aggregate last: a save is made against the version it read', async () => {
    const store = system.services.get('aggregation')!.app.get(AggregateStore);
    const first = await store.loadVersioned('raced-user');
    expect(first.version).toBe(0);
    const newer = { ...first.aggregate, attemptCount: 7 };
    const older = { ...first.aggregate, attemptCount: 5 };
    // Two runs read the same state; the newer one stores first, the stalled one later.
    await store.save('raced-user', newer, null, first.version);
    await expect(store.save('raced-user', older, null, first.version)).rejects.toBeInstanceOf(
      StaleAggregateError,
    );
    const second = await store.loadVersioned('raced-user');
    expect(second).toMatchObject({ version: 1, aggregate: { attemptCount: 7 } });
    await store.save('raced-user', { ...second.aggregate, attemptCount: 8 }, null, 1);
    await expect(store.save('raced-user', older, null, 1)).rejects.toBeInstanceOf(
      StaleAggregateError,
    );
    expect((await store.load('raced-user')).attemptCount).toBe(8);
  });

  it('reads an aggregate stored in the earlier format, and its next save stores it as one string', async () => {
    const store = system.services.get('aggregation')!.app.get(AggregateStore);
    const db = system.db('aggregation');
    const topics = { arrays: { totalAttempts: 1, mastery: 0.4 } };
    const problems = {
      p1: { difficulty: 'easy', topics: ['arrays'], attempts: 1, solved: false, card: null },
    };
    const days = { '2026-11-01': { attempts: 1, accepted: 0, problems: ['p1'] } };
    const lastKey = { at: 1, platformSubmissionId: '1', submissionId: 's1' };
    await db.collection('user_aggregates').insertOne({
      _id: 'legacy-user',
      lastKey,
      attemptCount: 1,
      topics,
      problems,
      days,
      lastReceivedAt: new Date(),
      updatedAt: new Date(),
      version: 3,
    } as never);
    const read = await store.loadVersioned('legacy-user');
    expect(read).toEqual({
      version: 3,
      aggregate: { lastKey, attemptCount: 1, topics, problems, days },
    });

    const next = { ...read.aggregate, attemptCount: 2 };
    await store.save('legacy-user', next, null, 3);
    const raw = await db.collection('user_aggregates').findOne({ _id: 'legacy-user' as never });
    expect(typeof raw?.state).toBe('string');
    expect(raw).not.toHaveProperty('topics');
    expect(raw).not.toHaveProperty('problems');
    expect(raw).not.toHaveProperty('days');
    expect(await store.loadVersioned('legacy-user')).toEqual({ version: 4, aggregate: next });
    expect(await store.exportUser('legacy-user')).toEqual(next);
  });

  it('never stores an older PCI last: the write compares the inputs it was computed from', async () => {
    const progress = system.services.get('roadmap')!.app.get(ProgressService);
    const roadmap = {
      _id: 'guarded-roadmap',
      topics: [
        {
          topic: 'arrays',
          weight: 1,
          layer: 'core',
          priority: 1,
          completionThreshold: null,
          dependencies: [],
          estimatedHours: null,
        },
      ],
      version: 1,
    } as unknown as RoadmapDocument;
    // A replica already stored the PCI of a newer roadmap version.
    const newer = {
      _id: 'pci-user:guarded-roadmap',
      userId: 'pci-user',
      roadmapId: 'guarded-roadmap',
      roadmapVersion: 2,
      masteryVersion: 0,
      result: { pciScore: 0.5, completionPercentage: 50, topicsCompleted: 1, topicsTotal: 2 },
      lastUpdated: new Date(),
    };
    await system
      .db('roadmap')
      .collection('roadmap_progress')
      .insertOne(newer as never);
    // A slower replica finishes its recompute from version 1 afterwards: it must not win.
    const answered = await progress.recompute('pci-user', roadmap);
    expect(answered.roadmapVersion).toBe(2);
    const stored = await system
      .db('roadmap')
      .collection('roadmap_progress')
      .findOne({ _id: 'pci-user:guarded-roadmap' as never });
    expect(stored).toMatchObject({ roadmapVersion: 2, result: { pciScore: 0.5 } });
    // The same roadmap version from a newer snapshot (or the same one) is stored.
    const current = await progress.recompute('pci-user', {
      ...roadmap,
      version: 2,
    } as RoadmapDocument);
    expect(current.result.pciScore).toBe(0);
  });
});
