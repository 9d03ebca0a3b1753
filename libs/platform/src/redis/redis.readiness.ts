import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type ReadinessCheck, withinTimeout } from '../health/readiness-check';
import { REDIS } from './redis.tokens';

@Injectable()
export class RedisReadiness implements ReadinessCheck {
  readonly name = 'redis';

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  isReady(timeoutMs = 80): Promise<boolean> {
    if (this.redis.status !== 'ready') return Promise.resolve(false);
    return withinTimeout(() => this.redis.ping(), timeoutMs);
  }
}
