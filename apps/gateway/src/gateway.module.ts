import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AmqpReadiness, MessagingModule } from '@prepmate/messaging';
import { AccessRevocations, PlatformModule, RedisModule, RedisReadiness } from '@prepmate/platform';
import { AdminAuditInterceptor } from './audit/admin-audit.interceptor';
import { AccessTokenVerifier } from './auth/access-token-verifier';
import { AccessGuard } from './auth/access.guard';
import { JwksCache } from './auth/jwks-cache';
import { GatewayConfig } from './gateway.config';
import { OpsListener } from './health/ops-listener';
import { ServicesHealthService } from './health/services-health.service';
import { SystemHealthController } from './health/system-health.controller';
import { LiveEventsConsumer } from './live/live-events.consumer';
import { LiveStreams } from './live/live-streams';
import { FixedWindowLimiter } from './rate-limit/fixed-window-limiter';
import { AdvisoryAdminController } from './routes/advisory-admin.controller';
import { AdvisoryController } from './routes/advisory.controller';
import { AuthController } from './routes/auth.controller';
import { ChatsController } from './routes/chats.controller';
import { EngageController } from './routes/engage.controller';
import { EventsStreamController } from './routes/events-stream.controller';
import { IntegrationsController } from './routes/integrations.controller';
import { MeController } from './routes/me.controller';
import { NormalizationAdminController } from './routes/normalization-admin.controller';
import { NotificationsController } from './routes/notifications.controller';
import { PostsController } from './routes/posts.controller';
import { ProblemsController } from './routes/problems.controller';
import { RoadmapsController } from './routes/roadmaps.controller';
import { SubmissionsController } from './routes/submissions.controller';
import { SynergyController } from './routes/synergy.controller';
import { SyncController } from './routes/sync.controller';
import { TasksController } from './routes/tasks.controller';
import { TelemetryController } from './routes/telemetry.controller';
import { UserDataService } from './routes/user-data.service';
import { UsersController } from './routes/users.controller';
import { Upstream } from './upstream/upstream.service';
import { MentorScope } from './auth/mentor-scope';
import { StudentOfMentorGuard } from './auth/student-of-mentor.guard';
import { MentorSummaryService } from './routes/mentor-summary.service';
import { MentorController } from './routes/mentor.controller';
import { MyMentorsController } from './routes/my-mentors.controller';

/** The gateway: the only REST entry of the web client; it forwards to services over RPC. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'gateway',
      config: GatewayConfig,
      readiness: [AmqpReadiness, RedisReadiness],
    }),
    MessagingModule,
    RedisModule,
    JwtModule.registerAsync({
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => ({
        verifyOptions: {
          algorithms: ['RS256'],
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          clockTolerance: config.JWT_CLOCK_SKEW_SECONDS,
        },
      }),
    }),
  ],
  controllers: [
    AdvisoryAdminController,
    AdvisoryController,
    AuthController,
    ChatsController,
    EngageController,
    EventsStreamController,
    IntegrationsController,
    MeController,
    MentorController,
    MyMentorsController,
    NormalizationAdminController,
    NotificationsController,
    PostsController,
    ProblemsController,
    RoadmapsController,
    SubmissionsController,
    SynergyController,
    SyncController,
    SystemHealthController,
    TasksController,
    TelemetryController,
    UsersController,
  ],
  providers: [
    AccessRevocations,
    AccessTokenVerifier,
    FixedWindowLimiter,
    JwksCache,
    OpsListener,
    LiveEventsConsumer,
    LiveStreams,
    MentorScope,
    MentorSummaryService,
    ServicesHealthService,
    StudentOfMentorGuard,
    Upstream,
    UserDataService,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: AdminAuditInterceptor },
  ],
})
export class GatewayModule {}
