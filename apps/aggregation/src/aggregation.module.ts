import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  AmqpReadiness,
  MessagingServerModule,
  TopicCatalog,
  userDataContributorsFrom,
  UserDeletedHandler,
} from '@prepmate/messaging';
import {
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  bullRootOptions,
  processorOptionsProvider,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';
import { AggregateStore } from './aggregates/aggregate.store';
import { MasteryPopulationStore } from './aggregates/mastery-population.store';
import {
  MASTERY_HISTOGRAM_MODEL,
  MasteryHistogramSchema,
  TOPIC_MASTERY_MODEL,
  TopicMasterySchema,
  USER_AGGREGATE_MODEL,
  UserAggregateSchema,
} from './aggregates/user-aggregate.schema';
import { AggregationConfig } from './aggregation.config';
import { AggregationRpcController } from './aggregation.rpc-controller';
import { AggregationUserData } from './aggregation-user-data';
import {
  ATTEMPT_MODEL,
  AttemptSchema,
  PENDING_ATTEMPT_MODEL,
  PendingAttemptSchema,
} from './attempts/attempt.schema';
import { AttemptIntake } from './attempts/attempt-intake';
import { AttemptStore } from './attempts/attempt.store';
import { SubmissionNormalizedHandler } from './attempts/submission-normalized.handler';
import { EngageRpcController } from './engage/engage.rpc-controller';
import { Engagement } from './engage/engagement';
import { GoalsService } from './engage/goals.service';
import { LEARNER_PROFILE_MODEL, LearnerProfileSchema } from './engage/learner-profile.schema';
import { LearnerProfileStore } from './engage/learner-profile.store';
import { ProfileUpdatedHandler } from './engage/profile-updated.handler';
import { ProgressViews } from './engage/progress-views';
import { ReminderChecks } from './engage/reminder-checks';
import { RoadmapPci } from './engage/roadmap-pci';
import { TaskCompletedHandler } from './engage/task-completed.handler';
import { AGGREGATION_QUEUE, AggregationQueue } from './jobs/aggregation-queue';
import { AggregationWorker } from './jobs/aggregation-worker';
import { PendingSweep } from './jobs/pending-sweep';
import { UserAggregation } from './jobs/user-aggregation';
import { ProblemSummaries } from './telemetry/problem-summaries';
import { TelemetryService } from './telemetry/telemetry.service';

/**
 * The aggregation service: per-topic mastery (BKT), revision scheduling and daily activity;
 * weekly goals, the daily streak, readiness and their reminders (`engage/`).
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'aggregation',
      config: AggregationConfig,
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
    BullModule.forRootAsync({ inject: [AggregationConfig], useFactory: bullRootOptions }),
    BullModule.registerQueue({ name: AGGREGATION_QUEUE }),
    MongooseModule.forFeature([
      { name: ATTEMPT_MODEL, schema: AttemptSchema },
      { name: PENDING_ATTEMPT_MODEL, schema: PendingAttemptSchema },
      { name: USER_AGGREGATE_MODEL, schema: UserAggregateSchema },
      { name: TOPIC_MASTERY_MODEL, schema: TopicMasterySchema },
      { name: MASTERY_HISTOGRAM_MODEL, schema: MasteryHistogramSchema },
      { name: LEARNER_PROFILE_MODEL, schema: LearnerProfileSchema },
    ]),
  ],
  controllers: [
    AggregationRpcController,
    EngageRpcController,
    ProfileUpdatedHandler,
    SubmissionNormalizedHandler,
    TaskCompletedHandler,
    UserDeletedHandler,
  ],
  providers: [
    AggregateStore,
    AggregationQueue,
    AggregationUserData,
    AggregationWorker,
    processorOptionsProvider(AggregationWorker, AGGREGATION_QUEUE, AggregationConfig, (config) => ({
      concurrency: config.AGGREGATION_WORKER_CONCURRENCY,
      lockDuration: config.AGGREGATION_JOB_LOCK_MS,
      stalledInterval: config.AGGREGATION_JOB_LOCK_MS,
    })),
    AttemptIntake,
    AttemptStore,
    Engagement,
    GoalsService,
    LearnerProfileStore,
    MasteryPopulationStore,
    PendingSweep,
    ProblemSummaries,
    ProgressViews,
    ReminderChecks,
    RoadmapPci,
    TelemetryService,
    TopicCatalog,
    UserAggregation,
    userDataContributorsFrom(AggregationUserData),
  ],
})
export class AggregationModule {}
