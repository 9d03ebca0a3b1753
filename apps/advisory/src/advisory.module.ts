import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingServerModule } from '@prepmate/messaging';
import { DatabaseModule, MongoReadiness, PlatformModule } from '@prepmate/platform';

/** The advisory service: AI advice and generated tasks (it never writes progression state). */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'advisory', readiness: [MongoReadiness, AmqpReadiness] }),
    DatabaseModule,
    MessagingServerModule,
  ],
})
export class AdvisoryModule {}
