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
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';
import { Redis } from 'ioredis';
import {
  CHAT_MESSAGE_MODEL,
  ChatMessageSchema,
  CONVERSATION_MODEL,
  ConversationSchema,
} from './chat/chat.schema';
import { ChatService } from './chat/chat.service';
import { ChatStore } from './chat/chat.store';
import { HourlyLimiter } from './limits/hourly-limiter';
import { PAIR_DAY_MODEL, PAIR_MODEL, PairDaySchema, PairSchema } from './pairs/pair.schema';
import { PAIR_QUEUE, PairQueue } from './pairs/pair-queue';
import { PairRecompute } from './pairs/pair-recompute';
import { PairStore } from './pairs/pair.store';
import { PairWorker } from './pairs/pair-worker';
import { SynergyService } from './pairs/synergy.service';
import { POST_MODEL, PostSchema } from './posts/post.schema';
import { PostStore } from './posts/post.store';
import { PostsService } from './posts/posts.service';
import { LEARNER_PROFILE_MODEL, LearnerProfileSchema } from './profiles/learner-profile.schema';
import { LearnerProfileStore } from './profiles/learner-profile.store';
import { ProfilesService } from './profiles/profiles.service';
import { TaskCompletedHandler } from './profiles/task-completed.handler';
import { TopicAggregatedHandler } from './profiles/topic-aggregated.handler';
import {
  SCRATCH_EVENT_MODEL,
  SCRATCH_STATE_MODEL,
  ScratchEventSchema,
  ScratchStateSchema,
} from './scratches/scratch.schema';
import { ScratchStateStore } from './scratches/scratch-state.store';
import { ScratchEventStore } from './scratches/scratch-event.store';
import { ScratchesService } from './scratches/scratches.service';
import { SynergyConfig } from './synergy.config';
import { SynergyRpcController } from './synergy.rpc-controller';
import { SynergyUserData } from './synergy-user-data';

/** The synergy service: reflection posts, scratches, learning levels, synergy scores and chat. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'synergy',
      config: SynergyConfig,
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
    BullModule.forRootAsync({
      inject: [SynergyConfig],
      useFactory: (config: SynergyConfig) => ({
        connection: new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
        prefix: `${config.REDIS_KEY_PREFIX}bull`,
      }),
    }),
    BullModule.registerQueue({ name: PAIR_QUEUE }),
    MongooseModule.forFeature([
      { name: POST_MODEL, schema: PostSchema },
      { name: SCRATCH_EVENT_MODEL, schema: ScratchEventSchema },
      { name: SCRATCH_STATE_MODEL, schema: ScratchStateSchema },
      { name: LEARNER_PROFILE_MODEL, schema: LearnerProfileSchema },
      { name: PAIR_MODEL, schema: PairSchema },
      { name: PAIR_DAY_MODEL, schema: PairDaySchema },
      { name: CHAT_MESSAGE_MODEL, schema: ChatMessageSchema },
      { name: CONVERSATION_MODEL, schema: ConversationSchema },
    ]),
  ],
  controllers: [
    SynergyRpcController,
    TaskCompletedHandler,
    TopicAggregatedHandler,
    UserDeletedHandler,
  ],
  providers: [
    ChatService,
    ChatStore,
    HourlyLimiter,
    LearnerProfileStore,
    PairQueue,
    PairRecompute,
    PairStore,
    PairWorker,
    PostStore,
    PostsService,
    ProfilesService,
    ScratchStateStore,
    ScratchEventStore,
    ScratchesService,
    SynergyService,
    SynergyUserData,
    TopicCatalog,
    userDataContributorsFrom(SynergyUserData),
  ],
})
export class SynergyModule {}
