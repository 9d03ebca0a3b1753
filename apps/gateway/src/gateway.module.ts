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
import { AuthController } from './routes/auth.controller';
import { MeController } from './routes/me.controller';
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
  controllers: [AuthController, MeController, SystemHealthController, UsersController],
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
