import { Inject, Injectable } from '@nestjs/common';
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
import { AppError, offsetPage, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { isRetryReady } from '../domain/sync-policy';
import { IngestionConfig } from '../ingestion.config';
import { IntegrationsService, SYNC_PLATFORMS } from '../integrations/integrations.service';
import { SyncLogsRepository, toSyncLogResponse } from './sync-logs.repository';
import { SyncQueue } from './sync-queue';
import { SyncStatesRepository, toSyncStateResponse } from './sync-states.repository';

/** How old a running mark without a job must be to count as orphaned (not being enqueued). */
const ORPHAN_AFTER_MS = 30_000;

/** Starting syncs (at most one running per user and platform), their state and logs. */
@Injectable()
export class SyncService {
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    private readonly states: SyncStatesRepository,
    private readonly logs: SyncLogsRepository,
    private readonly integrations: IntegrationsService,
    private readonly queue: SyncQueue,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'sync' });
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
    return this.start(caller.userId, platform, true);
  }

  private async start(
    userId: string,
    platform: Platform,
    manual: boolean,
  ): Promise<SyncStartedResponse> {
    const syncBatchId = uuidv7();
    const staleBefore = new Date(Date.now() - this.config.SYNC_STALE_AFTER_MS);
    if (!(await this.states.claim(userId, platform, syncBatchId, staleBefore, manual))) {
      const running = await this.states.get(userId, platform);
      const runningId = running?.runningSyncBatchId;
      if (!runningId)
        throw AppError.because('SYNC_STATE_CHANGED', 'the sync state changed meanwhile; try again');
      // A mark younger than ORPHAN_AFTER_MS may be a claim whose job is being enqueued.
      const young =
        running?.runningSince && running.runningSince.getTime() > Date.now() - ORPHAN_AFTER_MS;
      if (young || (await this.queue.isAlive(runningId)))
        return { syncBatchId: runningId, started: false };
      // Its job is gone: the mark is an orphan (a killed worker, lost Redis data), not a sync.
      this.log.warn(
        { userId, platform, syncBatchId: runningId },
        'released an orphaned running sync',
      );
      await this.states.release(userId, platform, runningId);
      if (!(await this.states.claim(userId, platform, syncBatchId, staleBefore, manual)))
        throw AppError.because('SYNC_STATE_CHANGED', 'the sync state changed meanwhile; try again');
    }
    try {
      await this.queue.enqueue({ userId, platform, syncBatchId });
    } catch (error) {
      await this.states.release(userId, platform, syncBatchId);
      throw error;
    }
    return { syncBatchId, started: true };
  }

  /** The scheduler's pass: every failed sync that is due and has retries left starts again. */
  async startRetryReady(): Promise<number> {
    const now = new Date();
    const ready = (await this.states.failedStates()).filter((state) => isRetryReady(state, now));
    let started = 0;
    for (const state of ready) {
      const result = await this.start(state.userId, state.platform, false).catch((error: Error) => {
        this.log.warn(
          { userId: state.userId, platform: state.platform, err: error.message },
          'retry not started',
        );
        return null;
      });
      if (result?.started) started += 1;
    }
    if (started > 0) this.log.info({ started }, 'retrying failed syncs');
    return started;
  }

  /** Failed syncs due for a retry, the longest waiting first (offset cursor). */
  async retryReady(query: PageRpcData): Promise<Page<SyncStateResponse>> {
    const now = new Date();
    const ready = (await this.states.failedStates())
      .filter((state) => isRetryReady(state, now))
      .sort(
        (a, b) =>
          a.nextRetryTime!.getTime() - b.nextRetryTime!.getTime() || a._id.localeCompare(b._id),
      );
    const page = offsetPage(ready, query);
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

  logsPage(caller: RpcCaller, query: SyncLogsRpcData): Promise<Page<SyncLogResponse>> {
    return this.logs.list(caller.userId, query.platform, query.limit, query.cursor);
  }

  async logOf(caller: RpcCaller, syncBatchId: string): Promise<SyncLogResponse> {
    const log = await this.logs.findOne(caller.userId, syncBatchId);
    if (!log) throw new AppError('NOT_FOUND', 'no such sync log');
    return toSyncLogResponse(log);
  }
}
