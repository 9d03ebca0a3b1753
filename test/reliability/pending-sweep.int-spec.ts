import { eventually } from '@prepmate/testing';
import { AggregateStore } from '../../apps/aggregation/src/aggregates/aggregate-store';
import { AggregationQueue } from '../../apps/aggregation/src/jobs/aggregation-queue';
import { PendingSweep } from '../../apps/aggregation/src/jobs/pending-sweep';
import { startPipeline, type PipelineSystem } from '../pipeline/pipeline-system';

/**
 * Aggregation work whose BullMQ job is gone (its tries exhausted, or Redis lost it) must be
 * found from the database and finished (docs/reliability.md#aggregation-work).
 */
describe('the pending-attempts sweep', () => {
  let system: PipelineSystem;

  beforeAll(async () => {
    system = await startPipeline('sweep', {
      skip: ['auth', 'ingestion', 'roadmap', 'synergy', 'advisory'],
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
});
