import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import {
  AmqpReadiness,
  MessagingServerModule,
  userDataContributorsFrom,
} from '@prepmate/messaging';
import {
  AccessRevocations,
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
import { UserAccessService } from './account/user-access.service';
import { AUDIT_EVENT_MODEL, AuditEventSchema } from './audit/audit-event.schema';
import { AuditLog } from './audit/audit-log';
import { AuditRecordedHandler } from './audit/audit-recorded.handler';
import { AuthConfig } from './auth.config';
import { JwksController } from './keys/jwks.controller';
import { SigningKeys } from './keys/signing-keys';
import { PasswordHasher } from './passwords/password-hasher';
import { AccessTokens } from './tokens/access-tokens';
import { REFRESH_FAMILY_MODEL, RefreshFamilySchema } from './tokens/refresh-family.schema';
import { REFRESH_TOKEN_MODEL, RefreshTokenSchema } from './tokens/refresh-token.schema';
import { RefreshTokenSweeper } from './tokens/refresh-token-sweeper';
import { RefreshTokens } from './tokens/refresh-tokens';
import { USER_MODEL, UserSchema } from './users/user.schema';
import { UsersRepository } from './users/users.repository';

import { MENTOR_LINK_MODEL, MentorLinkSchema } from './mentors/mentor-link.schema';
import { MentorLinksRepository } from './mentors/mentor-links.repository';
import { MentorsRpcController } from './mentors/mentors.rpc-controller';
import { MentorsService } from './mentors/mentors.service';

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
    JwtModule.registerAsync({
      inject: [AuthConfig],
      useFactory: (config: AuthConfig) => ({
        signOptions: {
          algorithm: 'RS256',
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          expiresIn: config.ACCESS_TOKEN_TTL_SECONDS,
          header: { alg: 'RS256', typ: 'JWT' },
        },
      }),
    }),
    MongooseModule.forFeature([
      { name: USER_MODEL, schema: UserSchema },
      { name: REFRESH_TOKEN_MODEL, schema: RefreshTokenSchema },
      { name: REFRESH_FAMILY_MODEL, schema: RefreshFamilySchema },
      { name: AUDIT_EVENT_MODEL, schema: AuditEventSchema },
      { name: MENTOR_LINK_MODEL, schema: MentorLinkSchema },
    ]),
  ],
  controllers: [AuthRpcController, AuditRecordedHandler, JwksController, MentorsRpcController],
  providers: [
    AccessRevocations,
    AccessTokens,
    AuditLog,
    AuthService,
    AuthUserData,
    LoginThrottle,
    MentorLinksRepository,
    MentorsService,
    PasswordHasher,
    RefreshTokens,
    RefreshTokenSweeper,
    SigningKeys,
    UserAccessService,
    UsersRepository,
    userDataContributorsFrom(AuthUserData),
  ],
})
export class AuthModule {}
