import { Inject, Injectable } from '@nestjs/common';
import { AppError, REDIS } from '@prepmate/platform';
import type { Redis } from 'ioredis';
import { SynergyConfig } from '../synergy.config';

const HOUR_SECONDS = 3_600;

/** Increments the window's counter and reads its expiry in one atomic round trip. */
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('TTL', KEYS[1])}
`;

/**
 * Per-learner hourly limits of posting and scratching (fixed one-hour windows in Redis, shared
 * by every replica). Over the limit: 429 RATE_LIMITED with the seconds until the window ends.
 */
@Injectable()
export class HourlyLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: SynergyConfig,
  ) {}

  posts(userId: string): Promise<void> {
    return this.consume('posts', userId, this.config.SYNERGY_POSTS_PER_HOUR);
  }

  scratches(userId: string): Promise<void> {
    return this.consume('scratches', userId, this.config.SYNERGY_SCRATCHES_PER_HOUR);
  }

  private async consume(what: string, userId: string, limit: number): Promise<void> {
    const [count, ttl] = (await this.redis.eval(
      CONSUME,
      1,
      `${this.config.REDIS_KEY_PREFIX}synergy:${what}:${userId}`,
      HOUR_SECONDS,
    )) as [number, number];
    if (count > limit)
      throw new AppError('RATE_LIMITED', `at most ${limit} ${what} per hour`, {
        retryAfterSeconds: Math.max(1, ttl),
      });
  }
}
