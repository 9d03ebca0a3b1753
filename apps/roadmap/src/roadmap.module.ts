import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  AmqpReadiness,
  MessagingServerModule,
  OutboxRelay,
  TopicCatalog,
  userDataContributorsFrom,
  UserDeletedHandler,
} from '@prepmate/messaging';
import { DatabaseModule, MongoReadiness, PlatformModule } from '@prepmate/platform';
import { MasteryProjection } from './progress/mastery-projection';
import {
  MASTERY_MODEL,
  MasterySchema,
  PROGRESS_MODEL,
  ProgressSchema,
} from './progress/progress.schema';
import { ProgressService } from './progress/progress.service';
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
import { RoadmapStore } from './roadmaps/roadmap-store';
import { RoadmapsService } from './roadmaps/roadmaps.service';
import { RoadmapConfig } from './roadmap.config';

/** The roadmap service: roadmaps, the mastery projection and PCI. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'roadmap',
      config: RoadmapConfig,
      readiness: [MongoReadiness, AmqpReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    MongooseModule.forFeature([
      { name: ROADMAP_MODEL, schema: RoadmapSchema },
      { name: FOLLOW_MODEL, schema: FollowSchema },
      { name: ROADMAP_SLOT_MODEL, schema: RoadmapSlotSchema },
      { name: MASTERY_MODEL, schema: MasterySchema },
      { name: PROGRESS_MODEL, schema: ProgressSchema },
    ]),
  ],
  controllers: [RoadmapRpcController, TopicAggregatedHandler, UserDeletedHandler],
  providers: [
    MasteryProjection,
    PositionService,
    ProgressService,
    RoadmapStore,
    RoadmapUserData,
    RoadmapsService,
    TopicCatalog,
    userDataContributorsFrom(RoadmapUserData),
  ],
})
export class RoadmapModule {
  constructor(relay: OutboxRelay, progress: ProgressService) {
    relay.register(progress.model);
  }
}
