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
  bullRootOptions,
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  processorOptionsProvider,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';
import { GithubClient } from './github/github.client';
import { MasteryStore } from './progress/mastery.store';
import {
  MASTERY_MODEL,
  MasterySchema,
  PROGRESS_MODEL,
  ProgressSchema,
} from './progress/progress.schema';
import { ProgressService } from './progress/progress.service';
import { ProgressStore } from './progress/progress.store';
import { TopicAggregatedHandler } from './progress/topic-aggregated.handler';
import { RoadmapRpcController } from './roadmap.rpc-controller';
import { RoadmapUserData } from './roadmap-user-data';
import {
  FOLLOW_MODEL,
  ROADMAP_SLOT_MODEL,
  RoadmapSlotSchema,
  FollowSchema,
  ROADMAP_MODEL,
  RoadmapSchema,
} from './roadmaps/roadmap.schema';
import { PositionService } from './position/position.service';
import { RoadmapStore } from './roadmaps/roadmap.store';
import { RoadmapAccess } from './roadmaps/roadmap-access';
import { RoadmapsService } from './roadmaps/roadmaps.service';
import { RoadmapConfig } from './roadmap.config';
import { TaskSubmissionIntake } from './tasks/submission-intake';
import { SubmissionNormalizedHandler } from './tasks/submission-normalized.handler';
import { TASK_MODEL, TASK_WAIT_MODEL, TaskSchema, TaskWaitSchema } from './tasks/task.schema';
import { TaskReflection } from './tasks/task-reflection';
import { TaskStore } from './tasks/task.store';
import { TaskVerifier } from './tasks/task-verifier';
import { TasksRpcController } from './tasks/tasks.rpc-controller';
import { TasksService } from './tasks/tasks.service';
import { VERIFICATION_QUEUE, VerificationQueue } from './tasks/verification-queue';
import { TaskCompletedHandler } from './progress/task-completed.handler';
import { VERIFIED_TASKS_MODEL, VerifiedTasksSchema } from './progress/verified-tasks.schema';
import { VerifiedTasksStore } from './progress/verified-tasks.store';
import { VerificationSweep } from './tasks/verification-sweep';
import { VerificationWorker } from './tasks/verification-worker';

/** The roadmap service: roadmaps, the mastery projection and PCI, and tasks with their verification. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'roadmap',
      config: RoadmapConfig,
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
    BullModule.forRootAsync({ inject: [RoadmapConfig], useFactory: bullRootOptions }),
    BullModule.registerQueue({ name: VERIFICATION_QUEUE }),
    MongooseModule.forFeature([
      { name: ROADMAP_MODEL, schema: RoadmapSchema },
      { name: FOLLOW_MODEL, schema: FollowSchema },
      { name: ROADMAP_SLOT_MODEL, schema: RoadmapSlotSchema },
      { name: MASTERY_MODEL, schema: MasterySchema },
      { name: PROGRESS_MODEL, schema: ProgressSchema },
      { name: TASK_MODEL, schema: TaskSchema },
      { name: TASK_WAIT_MODEL, schema: TaskWaitSchema },
      { name: VERIFIED_TASKS_MODEL, schema: VerifiedTasksSchema },
    ]),
  ],
  controllers: [
    RoadmapRpcController,
    SubmissionNormalizedHandler,
    TaskCompletedHandler,
    TasksRpcController,
    TopicAggregatedHandler,
    UserDeletedHandler,
  ],
  providers: [
    GithubClient,
    MasteryStore,
    PositionService,
    ProgressService,
    ProgressStore,
    RoadmapAccess,
    RoadmapStore,
    VerifiedTasksStore,
    RoadmapUserData,
    RoadmapsService,
    TaskReflection,
    TaskStore,
    TasksService,
    TaskVerifier,
    TaskSubmissionIntake,
    TopicCatalog,
    VerificationQueue,
    VerificationSweep,
    VerificationWorker,
    processorOptionsProvider(VerificationWorker, VERIFICATION_QUEUE, RoadmapConfig, () => ({
      concurrency: 4,
    })),
    userDataContributorsFrom(RoadmapUserData),
  ],
})
export class RoadmapModule {}
