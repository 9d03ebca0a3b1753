import { Module } from '@nestjs/common';
import { AmqpReadiness, MessagingModule } from '@prepmate/messaging';
import { PlatformModule, RedisModule, RedisReadiness } from '@prepmate/platform';
import { ServicesHealthService } from './health/services-health.service';
import { SystemHealthController } from './health/system-health.controller';

/** The gateway: the only REST entry of the web client; it forwards to services over RPC. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'gateway', readiness: [AmqpReadiness, RedisReadiness] }),
    MessagingModule,
    RedisModule,
  ],
  controllers: [SystemHealthController],
  providers: [ServicesHealthService],
})
export class GatewayModule {}
