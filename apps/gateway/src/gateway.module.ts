import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AmqpReadiness, MessagingModule } from '@prepmate/messaging';
import { PlatformModule, RedisModule, RedisReadiness } from '@prepmate/platform';
import { AccessTokenVerifier } from './auth/access-token-verifier';
import { AccessGuard } from './auth/access.guard';
import { JwksCache } from './auth/jwks-cache';
import { GatewayConfig } from './gateway.config';
import { ServicesHealthService } from './health/services-health.service';
import { SystemHealthController } from './health/system-health.controller';
import { FixedWindowLimiter } from './rate-limit/fixed-window-limiter';
import { AdvisoryAdminController } from './routes/advisory-admin.controller';
import { AdvisoryController } from './routes/advisory.controller';
import { AuthController } from './routes/auth.controller';
import { IntegrationsController } from './routes/integrations.controller';
import { MeController } from './routes/me.controller';
import { NormalizationAdminController } from './routes/normalization-admin.controller';
import { ProblemsController } from './routes/problems.controller';
import { RoadmapsController } from './routes/roadmaps.controller';
import { SubmissionsController } from './routes/submissions.controller';
import { SyncController } from './routes/sync.controller';
import { TelemetryController } from './routes/telemetry.controller';
import { UserDataService } from './routes/user-data.service';
import { UsersController } from './routes/users.controller';
import { Upstream } from './upstream/upstream.service';

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
  ],
  controllers: [
    AdvisoryAdminController,
    AdvisoryController,
    AuthController,
    IntegrationsController,
    MeController,
    NormalizationAdminController,
    ProblemsController,
    RoadmapsController,
    SubmissionsController,
    SyncController,
    SystemHealthController,
    TelemetryController,
    UsersController,
  ],
  providers: [
    AccessTokenVerifier,
    FixedWindowLimiter,
    JwksCache,
    ServicesHealthService,
    Upstream,
    UserDataService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class GatewayModule {}
