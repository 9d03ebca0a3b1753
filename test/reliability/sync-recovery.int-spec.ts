import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { schedulerKeys } from '@prepmate/testing';
import { SyncLogStore } from '../../apps/ingestion/src/sync/sync-log.store';
import { SyncQueue } from '../../apps/ingestion/src/sync/sync-queue';
import { SyncRunner } from '../../apps/ingestion/src/sync/sync-runner';
import {
  SYNC_STATE_MODEL,
  type SyncStateDocument,
} from '../../apps/ingestion/src/sync/sync-state.schema';
import { SyncService } from '../../apps/ingestion/src/sync/sync.service';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

/** A sync whose worker was killed (kill -9) must neither fail on re-run nor block the next one. */
describe('sync recovery after a killed worker', () => {
  let system: PipelineSystem;

  beforeAll(async () => {
    system = await startPipeline('syncrec', {
      skip: ['auth', 'normalization', 'aggregation', 'roadmap', 'synergy', 'advisory'],
    });
  });

  afterAll(() => system?.stop());

  const ingestion = () => system.services.get('ingestion')!.app;

  it('re-runs a sync batch whose log was already started', async () => {
    const runner = ingestion().get(SyncRunner);
    const job = { userId: 'rerun-user', platform: 'codeforces' as const, syncBatchId: 'rerun-1' };
    await runner.run(job); // the first run, its worker "killed" after it
    await expect(runner.run(job)).resolves.toBeUndefined(); // BullMQ runs the stalled job again
    const log = await ingestion().get(SyncLogStore).findOne('rerun-user', 'rerun-1');
    expect(log).toMatchObject({ status: 'failed', failureReason: expect.any(String) });
  });

  it('does not let an orphaned running mark block the next sync', async () => {
    const states = ingestion().get<Model<SyncStateDocument>>(getModelToken(SYNC_STATE_MODEL));
    // The worker died mid-sync a minute ago and its job is gone: the mark stays behind.
    await states.create({
      _id: 'orphan-user:codeforces',
      userId: 'orphan-user',
      platform: 'codeforces',
      runningSyncBatchId: 'ghost-batch',
      runningSince: new Date(Date.now() - 60_000),
    });
    const service = ingestion().get(SyncService);
    const started = await service['start']('orphan-user', 'codeforces', 'manual');
    expect(started.started).toBe(true);
    expect(started.syncBatchId).not.toBe('ghost-batch');
    await ingestion()
      .get(SyncQueue)
      .queueOf('codeforces')
      .remove(started.syncBatchId)
      .catch(() => undefined);
  });

  it('re-asserts the retry and automatic scan schedulers after Redis lost them', async () => {
    const queue = ingestion().get(SyncQueue);
    await queue.queue.removeJobScheduler('sync-retry-scan');
    await queue.queue.removeJobScheduler('sync-auto-scan');
    await queue.assertSchedulers();
    const keys = await schedulerKeys(queue.queue);
    expect(keys).toEqual(expect.arrayContaining(['sync-retry-scan', 'sync-auto-scan']));
  });
});
