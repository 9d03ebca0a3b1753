import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  AmqpReadiness,
  MessagingServerModule,
  userDataContributorsFrom,
  UserDeletedHandler,
} from '@prepmate/messaging';
import {
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';
import { ADVICE_MODEL, AdviceSchema } from './advice/advice.schema';
import { AdviceService } from './advice/advice.service';
import { AdviceStore } from './advice/advice.store';
import { PciRecomputedHandler } from './advice/pci-recomputed.handler';
import { AdvisoryConfig } from './advisory.config';
import { AdvisoryRpcController } from './advisory.rpc-controller';
import { AdvisoryUserData } from './advisory-user-data';
import { TokenBudget } from './budget/token-budget';
import { LearnerContext } from './context/learner-context';
import { INFERENCE_LOG_MODEL, InferenceLogSchema } from './inference/inference-log.schema';
import { InferenceLogStore } from './inference/inference-log.store';
import { AdviceProcessor } from './jobs/advice.processor';
import { AdviceQueue } from './jobs/advice-queue';
import {
  ADVICE_QUEUE,
  bullConnection,
  bullPrefix,
  MAINTENANCE_QUEUE,
} from './jobs/bull-connection';
import { RetentionProcessor } from './jobs/retention.processor';
import { AdvisoryRunner } from './operations/advisory-runner';
import { ReflectionsService } from './operations/reflections.service';
import { SkillsService } from './operations/skills.service';
import { TaskContextBuilder } from './operations/task-context';
import { TasksService } from './operations/tasks.service';
import { ModelClient } from './providers/model-client';
import {
  REFLECTION_DRAFT_MODEL,
  ReflectionDraftSchema,
} from './reflections/reflection-draft.schema';
import { ReflectionDraftStore } from './reflections/reflection-draft.store';
import { TaskCompletedHandler } from './reflections/task-completed.handler';

/** The advisory service: AI advice and generated tasks (it never writes progression state). */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'advisory',
      config: AdvisoryConfig,
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
    BullModule.forRootAsync({
      inject: [AdvisoryConfig],
      useFactory: (config: AdvisoryConfig) => ({
        connection: bullConnection(config),
        prefix: bullPrefix(config),
      }),
    }),
    BullModule.registerQueue({ name: ADVICE_QUEUE }, { name: MAINTENANCE_QUEUE }),
    MongooseModule.forFeature([
      { name: ADVICE_MODEL, schema: AdviceSchema },
      { name: INFERENCE_LOG_MODEL, schema: InferenceLogSchema },
      { name: REFLECTION_DRAFT_MODEL, schema: ReflectionDraftSchema },
    ]),
  ],
  controllers: [
    AdvisoryRpcController,
    PciRecomputedHandler,
    TaskCompletedHandler,
    UserDeletedHandler,
  ],
  providers: [
    AdviceProcessor,
    AdviceQueue,
    AdviceService,
    AdviceStore,
    AdvisoryRunner,
    AdvisoryUserData,
    InferenceLogStore,
    LearnerContext,
    ModelClient,
    ReflectionDraftStore,
    ReflectionsService,
    RetentionProcessor,
    SkillsService,
    TaskContextBuilder,
    TasksService,
    TokenBudget,
    userDataContributorsFrom(AdvisoryUserData),
  ],
})
export class AdvisoryModule {}
