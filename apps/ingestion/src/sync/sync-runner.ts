import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { advanceCursor, retryDelayMs } from '../domain/sync-policy';
import { IngestionConfig } from '../ingestion.config';
import { IntegrationsService } from '../integrations/integrations.service';
import { PlatformRequestError } from '../platforms/platform-errors';
import { SubmissionStore } from '../submissions/submission-store';
import { SyncLogsRepository } from './sync-logs.repository';
import { SyncSources } from './sync-sources';
import { SyncStatesRepository } from './sync-states.repository';

export interface SyncJob {
  userId: string;
  platform: Platform;
  syncBatchId: string;
}

/**
 * One sync run: fetch what is newer than the cursor, store it, move the cursor (never past a
 * submission still being judged) and write the sync log. A failure is recorded in the state
 * with the next retry time (2^n minutes, at most 24 h) for the scheduler.
 */
@Injectable()
export class SyncRunner {
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    private readonly states: SyncStatesRepository,
    private readonly logs: SyncLogsRepository,
    private readonly integrations: IntegrationsService,
    private readonly sources: SyncSources,
    private readonly store: SubmissionStore,
    private readonly tombstones: UserTombstones,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'sync' });
  }

  async run({ userId, platform, syncBatchId }: SyncJob): Promise<void> {
    if (await this.tombstones.isDeleted(userId)) {
      this.log.info({ userId, platform, syncBatchId }, 'sync of a deleted user dropped');
      return;
    }
    const startTime = new Date();
    const base = { _id: syncBatchId, userId, platform, source: 'sync' as const, startTime };
    await this.logs.start(base);
    try {
      const integration = await this.integrations.get(userId, platform);
      if (!integration) throw new PlatformRequestError(platform, 'the account was unlinked');
      const state = await this.states.get(userId, platform);
      const cursor = {
        submissionId: state?.lastSyncedSubmissionId ?? null,
        timestamp: state?.lastSyncedTimestamp ?? null,
      };
      const fetched = await this.sources.fetch(platform, integration, cursor);
      const stored = await this.store.store(userId, platform, syncBatchId, fetched.records);
      await this.states.succeeded(
        userId,
        platform,
        syncBatchId,
        advanceCursor(cursor, fetched.cursorItems),
      );
      const log = await this.logs.finish(base, {
        recordsFetched: fetched.fetched,
        recordsProcessed: fetched.records.length,
        recordsInserted: stored.inserted,
        recordsDuplicate: stored.duplicates,
        recordsFailed: fetched.rejected.length,
        errors: fetched.rejected,
      });
      // The account may have been deleted while this sync was being stored.
      await this.tombstones.eraseIfDeleted([userId]);
      this.log.info(
        {
          syncBatchId,
          platform,
          fetched: fetched.fetched,
          inserted: stored.inserted,
          ms: log.durationMs,
        },
        'sync succeeded',
      );
    } catch (error) {
      const message = (error as Error).message;
      const state = await this.states.get(userId, platform);
      const attempt = (state?.currentRetryAttempt ?? 0) + 1;
      const nextRetryTime = new Date(
        Date.now() + retryDelayMs(attempt, this.config.SYNC_BACKOFF_BASE_MS),
      );
      await this.states.failed(userId, platform, syncBatchId, message, attempt, nextRetryTime);
      await this.logs.finish(base, null, message);
      this.log.warn({ syncBatchId, platform, attempt, nextRetryTime, err: message }, 'sync failed');
    }
  }
}
