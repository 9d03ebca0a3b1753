import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type {
  Page,
  PageRpcData,
  Platform,
  RpcCaller,
  SyncLogResponse,
  SyncLogsRpcData,
  SyncStartedResponse,
  SyncStateResponse,
} from '@prepmate/contracts';
import {
  AppError,
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetPage,
  ROOT_LOGGER,
} from '@prepmate/platform';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { nextAutoSyncAt } from '../domain/auto-sync';
import { IngestionConfig } from '../ingestion.config';
import { IntegrationsService, SYNC_PLATFORMS } from '../integrations/integrations.service';
import { PlatformCircuitBreakers } from '../platforms/circuit-breakers';
import { SyncLogStore, toSyncLogResponse } from './sync-log.store';
import { SyncQueue } from './sync-queue';
import type { SyncTrigger } from './sync-runner';
import { SyncStateStore, toSyncStateResponse } from './sync-state.store';

/** How old a running mark without a job must be to count as orphaned (not being enqueued). */
const ORPHAN_AFTER_MS = 30_000;

/**
 * Starting syncs (at most one running per user and platform: manual, retries, automatic),
 * their state and logs.
 */
@Injectable()
export class SyncService implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    private readonly states: SyncStateStore,
    private readonly logs: SyncLogStore,
    private readonly integrations: IntegrationsService,
    private readonly queue: SyncQueue,
    private readonly breakers: PlatformCircuitBreakers,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'sync' });
  }

  /**
   * Accounts linked before automatic syncs existed get theirs, spread over one interval;
   * failed states from before `retryDueAt` existed get their retry time.
   */
  async onApplicationBootstrap(): Promise<void> {
    const filled = await this.states.fillRetryDue(this.config.SYNC_RETRY_BATCH);
    if (filled > 0) this.log.info({ filled }, 'set the retry time of older failed syncs');
    const now = Date.now();
    const scheduled = await this.states.scheduleUnscheduled(
      SYNC_PLATFORMS,
      () => new Date(now + Math.random() * this.config.SYNC_AUTO_INTERVAL_MS),
    );
    if (scheduled > 0) this.log.info({ scheduled }, 'scheduled automatic syncs of older links');
  }

  /** When the automatic sync after one starting now is due (jittered; null: not syncable). */
  nextAutoSync(platform: Platform, from = new Date()): Date | null {
    if (!SYNC_PLATFORMS.includes(platform)) return null;
    return nextAutoSyncAt(
      from,
      this.config.SYNC_AUTO_INTERVAL_MS,
      this.config.SYNC_AUTO_JITTER,
      Math.random(),
    );
  }

  /** A user-triggered sync: a BullMQ job; when one is already running, its batch id. */
  async startManual(caller: RpcCaller, platform: Platform): Promise<SyncStartedResponse> {
    if (!SYNC_PLATFORMS.includes(platform))
      throw new AppError(
        'VALIDATION_FAILED',
        `${platform} cannot be synced from its API; import an export instead`,
        {
          field: 'platform',
        },
      );
    if (!(await this.integrations.get(caller.userId, platform)))
      throw new AppError('NOT_FOUND', `no ${platform} account is linked`);
    return this.start(caller.userId, platform, 'manual');
  }

  private async start(
    userId: string,
    platform: Platform,
    trigger: SyncTrigger,
  ): Promise<SyncStartedResponse> {
    const syncBatchId = uuidv7();
    const staleBefore = new Date(Date.now() - this.config.SYNC_STALE_AFTER_MS);
    const manual = trigger === 'manual';
    const retryHeldUntil = new Date(Date.now() + this.config.SYNC_STALE_AFTER_MS);
    const claim = () =>
      this.states.claim(
        userId,
        platform,
        syncBatchId,
        staleBefore,
        manual,
        this.nextAutoSync(platform),
        retryHeldUntil,
      );
    if (!(await claim())) {
      const running = await this.states.get(userId, platform);
      const runningId = running?.runningSyncBatchId;
      if (!runningId)
        throw AppError.because('SYNC_STATE_CHANGED', 'the sync state changed meanwhile; try again');
      // A mark younger than ORPHAN_AFTER_MS may be a claim whose job is being enqueued.
      const young =
        running?.runningSince && running.runningSince.getTime() > Date.now() - ORPHAN_AFTER_MS;
      if (young || (await this.queue.isAlive(platform, runningId)))
        return { syncBatchId: runningId, started: false };
      // Its job is gone: the mark is an orphan (a killed worker, lost Redis data), not a sync.
      this.log.warn(
        { userId, platform, syncBatchId: runningId },
        'released an orphaned running sync',
      );
      await this.states.release(userId, platform, runningId);
      if (!(await claim()))
        throw AppError.because('SYNC_STATE_CHANGED', 'the sync state changed meanwhile; try again');
    }
    try {
      await this.queue.enqueue({ userId, platform, syncBatchId, trigger });
    } catch (error) {
      await this.states.release(userId, platform, syncBatchId);
      throw error;
    }
    return { syncBatchId, started: true };
  }

  /**
   * The scheduler's pass: failed syncs whose retry is due start again, at most
   * SYNC_RETRY_BATCH, the longest waiting first (starting one holds its retry off, so the
   * next pass takes the rest).
   */
  async startRetryReady(): Promise<number> {
    const ready = await this.states.retryDue(new Date(), this.config.SYNC_RETRY_BATCH);
    let started = 0;
    for (const state of ready) {
      const result = await this.start(state.userId, state.platform, 'retry').catch(
        (error: Error) => {
          this.log.warn(
            { userId: state.userId, platform: state.platform, err: error.message },
            'retry not started',
          );
          return null;
        },
      );
      if (result?.started) started += 1;
    }
    if (started > 0) this.log.info({ started }, 'retrying failed syncs');
    return started;
  }

  /**
   * The automatic scan: per platform whose circuit is not open, the accounts whose
   * `nextSyncAt` has come (at most SYNC_AUTO_BATCH, the longest waiting first) start a sync;
   * claiming one moves its `nextSyncAt` an interval on. The platform queues' rate limits pace
   * the syncs themselves.
   */
  async startDue(): Promise<number> {
    const now = new Date();
    let started = 0;
    for (const platform of SYNC_PLATFORMS) {
      if (this.breakers.refusesCalls(platform)) {
        this.log.info({ platform }, 'automatic syncs skipped: circuit open');
        continue;
      }
      const due = await this.states.due(platform, now, this.config.SYNC_AUTO_BATCH);
      for (const state of due) {
        const result = await this.start(state.userId, platform, 'auto').catch((error: Error) => {
          this.log.warn(
            { userId: state.userId, platform, err: error.message },
            'automatic sync not started',
          );
          return null;
        });
        if (result?.started) started += 1;
      }
      if (due.length > 0) this.log.info({ platform, due: due.length }, 'automatic syncs started');
    }
    return started;
  }

  /** Failed syncs due for a retry, the longest waiting first (keyset cursor: time and id). */
  async retryReady(query: PageRpcData): Promise<Page<SyncStateResponse>> {
    const after = query.cursor ? decodeKeysetCursor(query.cursor, { integer: true }) : undefined;
    if (after === null) throw AppError.validation([{ field: 'cursor', message: 'invalid cursor' }]);
    const docs = await this.states.retryDue(new Date(), query.limit + 1, after);
    const page = keysetPage(docs, query.limit, (last) =>
      encodeKeysetCursor({ key: last.retryDueAt!.getTime(), id: last._id }),
    );
    return {
      items: page.items.map((state) => toSyncStateResponse(state, true)),
      nextCursor: page.nextCursor,
    };
  }

  async state(caller: RpcCaller, platform: Platform): Promise<SyncStateResponse> {
    const state = await this.states.get(caller.userId, platform);
    if (!state) throw new AppError('NOT_FOUND', `no ${platform} account is linked`);
    return toSyncStateResponse(state);
  }

  /** Every linked account's sync: next run, last result, failure streak (platform order). */
  async allStates(caller: RpcCaller): Promise<SyncStateResponse[]> {
    const states = await this.states.listForUser(caller.userId);
    return states
      .sort((a, b) => a.platform.localeCompare(b.platform))
      .map((state) => toSyncStateResponse(state));
  }

  logsPage(caller: RpcCaller, query: SyncLogsRpcData): Promise<Page<SyncLogResponse>> {
    return this.logs.list(caller.userId, query.platform, query.limit, query.cursor);
  }

  async logOf(caller: RpcCaller, syncBatchId: string): Promise<SyncLogResponse> {
    const log = await this.logs.findOne(caller.userId, syncBatchId);
    if (!log) throw new AppError('NOT_FOUND', 'no such sync log');
    return toSyncLogResponse(log);
  }
}
