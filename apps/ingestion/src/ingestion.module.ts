import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingServerModule } from '@prepmate/messaging';
import {
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';

/** The ingestion service: platform integrations, sync state and logs, and the user's submissions. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'ingestion',
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
  ],
})
export class IngestionModule {}
