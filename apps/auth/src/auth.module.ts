import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingServerModule } from '@prepmate/messaging';
import {
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';

/** The auth service: accounts, password hashing, JWT access tokens and rotated refresh tokens. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'auth',
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
  ],
})
export class AuthModule {}
