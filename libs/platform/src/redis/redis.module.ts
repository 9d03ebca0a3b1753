import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ServiceConfig } from '../config/service-config';
import { ROOT_LOGGER } from '../logging/logger.tokens';
import { createRedisClient } from './redis-client';
import { REDIS } from './redis.tokens';
import { RedisReadiness } from './redis.readiness';

/** One ioredis client per process, for services that use Redis (rate limits, BullMQ). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [ServiceConfig, ROOT_LOGGER],
      useFactory: (config: ServiceConfig, logger: Logger) => {
        const log = logger.child({ component: 'redis' });
        const client = createRedisClient(config.REDIS_URL, config.REDIS_COMMAND_TIMEOUT_MS);
        client.on('ready', () => log.info('redis connected'));
        client.on('error', (error) => log.warn({ err: error.message }, 'redis error'));
        return client;
      },
    },
    RedisReadiness,
  ],
  exports: [REDIS, RedisReadiness],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** QUIT when connected (pending replies are flushed); otherwise stop reconnecting at once. */
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
