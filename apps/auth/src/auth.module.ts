import { BullModule } from '@nestjs/bullmq';
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
  bullRootOptions,
  DatabaseModule,
  MongoReadiness,
  PlatformModule,
  RedisModule,
  RedisReadiness,
} from '@prepmate/platform';
import { AuthRpcController } from './auth.rpc-controller';
import { AuthService } from './account/auth.service';
import { AuthUserData } from './auth-user-data';
import { LoginThrottle } from './account/login-throttle';
import { UserAccessService } from './account/user-access.service';
import { AUDIT_EVENT_MODEL, AuditEventSchema } from './audit/audit-event.schema';
import { AuditEventStore } from './audit/audit-event.store';
import { AuditRecordedHandler } from './audit/audit-recorded.handler';
import { AuthConfig } from './auth.config';
import { JwksController } from './keys/jwks.controller';
import { SigningKeys } from './keys/signing-keys';
import { EMAIL_QUEUE, EmailQueue } from './notifications/email-queue';
import { EmailWorker } from './notifications/email-worker';
import { Mailer } from './notifications/mailer';
import { NOTIFICATION_MODEL, NotificationSchema } from './notifications/notification.schema';
import { NotificationCenter } from './notifications/notification-center';
import { NotificationEmails } from './notifications/notification-emails';
import { NotificationEventsHandler } from './notifications/notification-events.handler';
import {
  NOTIFICATION_SETTINGS_MODEL,
  NotificationSettingsSchema,
} from './notifications/notification-settings.schema';
import { NotificationSettingsStore } from './notifications/notification-settings.store';
import { NotificationStore } from './notifications/notification.store';
import { NotificationRetention } from './notifications/notification-retention';
import { NotificationsRpcController } from './notifications/notifications.rpc-controller';
import { NotificationsService } from './notifications/notifications.service';
import { UnsubscribeLinks } from './notifications/unsubscribe-links';
import { PasswordHasher } from './passwords/password-hasher';
import { AccessTokens } from './tokens/access-tokens';
import { REFRESH_FAMILY_MODEL, RefreshFamilySchema } from './tokens/refresh-family.schema';
import { REFRESH_TOKEN_MODEL, RefreshTokenSchema } from './tokens/refresh-token.schema';
import { RefreshTokenSweeper } from './tokens/refresh-token-sweeper';
import { RefreshTokenStore } from './tokens/refresh-token.store';
import { USER_MODEL, UserSchema } from './users/user.schema';
import { UserStore } from './users/user.store';

import { MENTOR_LINK_MODEL, MentorLinkSchema } from './mentors/mentor-link.schema';
import { MentorLinkStore } from './mentors/mentor-link.store';
import { MentorsRpcController } from './mentors/mentors.rpc-controller';
import { MentorsService } from './mentors/mentors.service';

/**
 * The auth service: accounts, password hashing, JWT access tokens and rotated refresh tokens,
 * the learner's mentors and notifications (it holds the address and the time zone they need;
 * docs/product.md, "Notifications").
 */
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
    BullModule.forRootAsync({ inject: [AuthConfig], useFactory: bullRootOptions }),
    BullModule.registerQueue({ name: EMAIL_QUEUE }),
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
      { name: NOTIFICATION_MODEL, schema: NotificationSchema },
      { name: NOTIFICATION_SETTINGS_MODEL, schema: NotificationSettingsSchema },
    ]),
  ],
  controllers: [
    AuthRpcController,
    AuditRecordedHandler,
    JwksController,
    MentorsRpcController,
    NotificationEventsHandler,
    NotificationsRpcController,
  ],
  providers: [
    AccessRevocations,
    AccessTokens,
    AuditEventStore,
    AuthService,
    AuthUserData,
    EmailQueue,
    EmailWorker,
    LoginThrottle,
    MentorLinkStore,
    MentorsService,
    Mailer,
    NotificationCenter,
    NotificationEmails,
    NotificationSettingsStore,
    NotificationStore,
    NotificationsService,
    PasswordHasher,
    RefreshTokenStore,
    RefreshTokenSweeper,
    NotificationRetention,
    SigningKeys,
    UnsubscribeLinks,
    UserAccessService,
    UserStore,
    userDataContributorsFrom(AuthUserData),
  ],
})
export class AuthModule {}
