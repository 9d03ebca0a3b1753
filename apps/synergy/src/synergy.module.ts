import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingServerModule } from '@prepmate/messaging';
import {
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';

/** The synergy service: reflection posts, scratches, learning levels and synergy scores. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'synergy',
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
  ],
})
export class SynergyModule {}
