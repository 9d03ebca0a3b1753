import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@prepmate/contracts';
import { UserTombstones } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { isFailing } from '../domain/auto-sync';
import { advanceCursor, retryDelayMs } from '../domain/sync-policy';
import { IngestionConfig } from '../ingestion.config';
import { IntegrationsService } from '../integrations/integrations.service';
import { PlatformCircuitBreakers } from '../platforms/circuit-breakers';
import { PlatformRequestError } from '../platforms/platform-errors';
import { SubmissionStore } from '../submissions/submission.store';
import { SyncFailureAlertStore } from './sync-failure-alert.store';
import { SyncLogStore } from './sync-log.store';
import { SyncSources } from './sync-sources';
import { SyncStateStore } from './sync-state.store';

/** What started a sync: the learner, the retry scan or the automatic scan. */
export type SyncTrigger = 'manual' | 'retry' | 'auto';

export interface SyncJob {
  userId: string;
  platform: Platform;
  syncBatchId: string;
  /** Absent on jobs enqueued by older versions. */
  trigger?: SyncTrigger;
}

/**
 * One sync run: fetch what is newer than the cursor, store it, move the cursor (never past a
 * submission still being judged) and write the sync log. A failure is recorded in the state
 * with the next retry time (2^n minutes, at most 24 h) for the scheduler, and extends the
 * account's failure streak: from SYNC_FAILING_AFTER failures on, the streak is announced
 * (`sync.failing`, once per streak). An automatic sync whose platform's circuit is open is
 * not run: it is due again once the circuit may have closed, and counts as nothing.
 */
@Injectable()
export class SyncRunner {
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    private readonly states: SyncStateStore,
    private readonly logs: SyncLogStore,
    private readonly integrations: IntegrationsService,
    private readonly sources: SyncSources,
    private readonly store: SubmissionStore,
    private readonly tombstones: UserTombstones,
    private readonly breakers: PlatformCircuitBreakers,
    private readonly alerts: SyncFailureAlertStore,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'sync' });
  }

  async run({ userId, platform, syncBatchId, trigger }: SyncJob): Promise<void> {
    if (await this.tombstones.isDeleted(userId)) {
      this.log.info({ userId, platform, syncBatchId }, 'sync of a deleted user dropped');
      return;
    }
    if (trigger === 'auto' && this.breakers.refusesCalls(platform)) {
      const at = new Date(Date.now() + this.config.CIRCUIT_HALF_OPEN_AFTER_MS);
      await this.states.skip(userId, platform, syncBatchId, at);
      this.log.info(
        { userId, platform, syncBatchId, dueAgain: at },
        'automatic sync skipped: circuit open',
      );
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
      const consecutiveFailures = (state?.consecutiveFailures ?? 0) + 1;
      const streakStartedBy = state?.failureStreakStartedBy ?? syncBatchId;
      const recorded = await this.states.failed(userId, platform, syncBatchId, {
        error: message,
        attempt,
        maxRetries: state?.maxRetries ?? this.config.SYNC_MAX_RETRIES,
        nextRetryTime,
        consecutiveFailures,
        streakStartedBy,
      });
      await this.logs.finish(base, null, message);
      this.log.warn(
        { syncBatchId, platform, attempt, consecutiveFailures, nextRetryTime, err: message },
        'sync failed',
      );
      if (recorded && isFailing(consecutiveFailures, this.config.SYNC_FAILING_AFTER))
        await this.announceFailing(userId, platform, streakStartedBy, consecutiveFailures, message);
    }
  }

  private async announceFailing(
    userId: string,
    platform: Platform,
    startedBy: string,
    consecutiveFailures: number,
    lastError: string,
  ): Promise<void> {
    const announced = await this.alerts.announce({
      userId,
      platform,
      startedBy,
      consecutiveFailures,
      lastError,
    });
    if (announced)
      this.log.warn({ userId, platform, consecutiveFailures }, 'sync failing: owner is told');
  }
}
