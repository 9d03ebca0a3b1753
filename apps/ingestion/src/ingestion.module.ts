import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  AmqpReadiness,
  MessagingServerModule,
  UserDeletedHandler,
  userDataContributorsFrom,
} from '@prepmate/messaging';
import {
  bullRootOptions,
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  processorOptionsProvider,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';
import { ImportService } from './imports/import.service';
import { NewProblemQuota } from './imports/new-problem-quota';
import { IngestionConfig } from './ingestion.config';
import { IngestionRpcController } from './ingestion.rpc-controller';
import { IngestionUserData } from './ingestion-user-data';
import { INTEGRATION_MODEL, IntegrationSchema } from './integrations/integration.schema';
import { IntegrationStore } from './integrations/integration.store';
import { IntegrationsService } from './integrations/integrations.service';
import { PlatformCircuitBreakers } from './platforms/circuit-breakers';
import { CodeforcesClient } from './platforms/codeforces.client';
import { LeetCodeCatalog } from './platforms/leetcode-catalog';
import { LeetCodeQuestionStore } from './platforms/leetcode-question.store';
import {
  LEETCODE_QUESTION_MODEL,
  LeetCodeQuestionSchema,
} from './platforms/leetcode-question.schema';
import { LeetCodeClient } from './platforms/leetcode.client';
import { SUBMISSION_MODEL, SubmissionSchema } from './submissions/submission.schema';
import { SubmissionStore } from './submissions/submission.store';
import { SYNC_LOG_MODEL, SyncLogSchema } from './sync/sync-log.schema';
import { SyncLogStore } from './sync/sync-log.store';
import { CodeforcesSyncWorker, LeetCodeSyncWorker } from './sync/platform-sync-workers';
import { SYNC_FAILURE_ALERT_MODEL, SyncFailureAlertSchema } from './sync/sync-failure-alert.schema';
import { SyncFailureAlertStore } from './sync/sync-failure-alert.store';
import {
  CODEFORCES_SYNC_QUEUE,
  LEETCODE_SYNC_QUEUE,
  SYNC_QUEUE,
  SyncQueue,
} from './sync/sync-queue';
import { SyncRunner } from './sync/sync-runner';
import { SyncSources } from './sync/sync-sources';
import { SYNC_STATE_MODEL, SyncStateSchema } from './sync/sync-state.schema';
import { SyncStateStore } from './sync/sync-state.store';
import { SyncWorker } from './sync/sync-worker';
import { SyncService } from './sync/sync.service';

/** The ingestion service: imports, linked accounts, platform syncs and stored submissions. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'ingestion',
      config: IngestionConfig,
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
    BullModule.forRootAsync({ inject: [IngestionConfig], useFactory: bullRootOptions }),
    BullModule.registerQueue(
      { name: SYNC_QUEUE },
      { name: CODEFORCES_SYNC_QUEUE },
      { name: LEETCODE_SYNC_QUEUE },
    ),
    MongooseModule.forFeature([
      { name: SUBMISSION_MODEL, schema: SubmissionSchema },
      { name: SYNC_LOG_MODEL, schema: SyncLogSchema },
      { name: SYNC_STATE_MODEL, schema: SyncStateSchema },
      { name: SYNC_FAILURE_ALERT_MODEL, schema: SyncFailureAlertSchema },
      { name: INTEGRATION_MODEL, schema: IntegrationSchema },
      { name: LEETCODE_QUESTION_MODEL, schema: LeetCodeQuestionSchema },
    ]),
  ],
  controllers: [IngestionRpcController, UserDeletedHandler],
  providers: [
    CodeforcesClient,
    CodeforcesSyncWorker,
    ImportService,
    IngestionUserData,
    IntegrationStore,
    IntegrationsService,
    LeetCodeCatalog,
    LeetCodeClient,
    LeetCodeQuestionStore,
    LeetCodeSyncWorker,
    NewProblemQuota,
    PlatformCircuitBreakers,
    SubmissionStore,
    SyncFailureAlertStore,
    SyncLogStore,
    SyncQueue,
    SyncRunner,
    SyncService,
    SyncSources,
    SyncStateStore,
    SyncWorker,
    processorOptionsProvider(SyncWorker, SYNC_QUEUE, IngestionConfig, (config) => ({
      concurrency: config.SYNC_WORKER_CONCURRENCY,
    })),
    processorOptionsProvider(
      CodeforcesSyncWorker,
      CODEFORCES_SYNC_QUEUE,
      IngestionConfig,
      (config) => ({
        concurrency: config.SYNC_CODEFORCES_CONCURRENCY,
        limiter: { max: config.SYNC_CODEFORCES_RATE, duration: config.SYNC_RATE_WINDOW_MS },
      }),
    ),
    processorOptionsProvider(
      LeetCodeSyncWorker,
      LEETCODE_SYNC_QUEUE,
      IngestionConfig,
      (config) => ({
        concurrency: config.SYNC_LEETCODE_CONCURRENCY,
        limiter: { max: config.SYNC_LEETCODE_RATE, duration: config.SYNC_RATE_WINDOW_MS },
      }),
    ),
    userDataContributorsFrom(IngestionUserData),
  ],
})
export class IngestionModule {}
