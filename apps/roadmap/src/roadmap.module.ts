import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingServerModule } from '@prepmate/messaging';
import { DatabaseModule, MongoReadiness, PlatformModule } from '@prepmate/platform';

/** The roadmap service: roadmaps, the mastery projection and PCI. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'roadmap', readiness: [MongoReadiness, AmqpReadiness] }),
    DatabaseModule,
    MessagingServerModule,
  ],
})
export class RoadmapModule {}
