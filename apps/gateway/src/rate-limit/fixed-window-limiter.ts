import { Inject, Injectable } from '@nestjs/common';
import { REDIS, ServiceConfig } from '@prepmate/platform';
import type { Redis } from 'ioredis';
import type { RateBucket } from './rate-limit-policy';

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** Increments the window's counter and reads its expiry in one round trip, atomically. */
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
return {count, ttl}
`;

/** Fixed one-minute windows in Redis, shared by every gateway replica. */
@Injectable()
export class FixedWindowLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: ServiceConfig,
  ) {}

  async consume(bucket: RateBucket): Promise<RateDecision> {
    const [count, ttl] = (await this.redis.eval(
      CONSUME,
      1,
      `${this.config.REDIS_KEY_PREFIX}ratelimit:${bucket.key}`,
      bucket.windowSeconds,
    )) as [number, number];
    return {
      allowed: count <= bucket.limit,
      remaining: Math.max(0, bucket.limit - count),
      retryAfterSeconds: Math.max(1, ttl),
    };
  }
}
