import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingServerModule } from '@prepmate/messaging';
import {
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';

/** The aggregation service: per-topic mastery (BKT), revision scheduling and daily activity. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'aggregation',
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
  ],
})
export class AggregationModule {}
