import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AmqpReadiness, MessagingServerModule, USER_DATA_CONTRIBUTORS } from '@prepmate/messaging';
import {
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';
import { AuthRpcController } from './account/auth.rpc-controller';
import { AuthService } from './account/auth.service';
import { AuthUserData } from './account/auth-user-data.contributor';
import { LoginThrottle } from './account/login-throttle';
import { AuthConfig } from './auth.config';
import { JwksController } from './keys/jwks.controller';
import { SigningKeys } from './keys/signing-keys';
import { PasswordHasher } from './passwords/password-hasher';
import { AccessTokens } from './tokens/access-tokens';
import { REFRESH_TOKEN_MODEL, RefreshTokenSchema } from './tokens/refresh-token.schema';
import { RefreshTokens } from './tokens/refresh-tokens';
import { USER_MODEL, UserSchema } from './users/user.schema';
import { UsersRepository } from './users/users.repository';

/** The auth service: accounts, password hashing, JWT access tokens and rotated refresh tokens. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'auth',
      config: AuthConfig,
      readiness: [MongoReadiness, AmqpReadiness, RedisReadiness],
    }),
    DatabaseModule,
    MessagingServerModule,
    RedisModule,
    MongooseModule.forFeature([
      { name: USER_MODEL, schema: UserSchema },
      { name: REFRESH_TOKEN_MODEL, schema: RefreshTokenSchema },
    ]),
  ],
  controllers: [AuthRpcController, JwksController],
  providers: [
    AccessTokens,
    AuthService,
    AuthUserData,
    LoginThrottle,
    PasswordHasher,
    RefreshTokens,
    SigningKeys,
    UsersRepository,
    {
      provide: USER_DATA_CONTRIBUTORS,
      inject: [AuthUserData],
      useFactory: (account: AuthUserData) => [account],
    },
  ],
})
export class AuthModule {}
