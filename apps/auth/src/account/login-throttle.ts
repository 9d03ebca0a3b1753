import { Inject, Injectable } from '@nestjs/common';
import { AppError, REDIS } from '@prepmate/platform';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AuthConfig } from '../auth.config';

/**
 * At most LOGIN_MAX_FAILURES failed logins per LOGIN_FAILURE_WINDOW_SECONDS for one
 * (IP, email), counted in Redis so every auth replica sees the same count.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AuthConfig,
  ) {}

  private key(ip: string, email: string): string {
    const digest = createHash('sha256').update(`${ip}|${email.toLowerCase()}`).digest('base64url');
    return `${this.config.REDIS_KEY_PREFIX}auth:login-failures:${digest}`;
  }

  /** Throws RATE_LIMITED (with retry-after) while the pair is locked out. */
  async assertAllowed(ip: string, email: string): Promise<void> {
    const key = this.key(ip, email);
    const [failures, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(failures ?? 0) >= this.config.LOGIN_MAX_FAILURES) {
      throw new AppError('RATE_LIMITED', 'too many failed logins; try again later', {
        retryAfterSeconds: Math.max(1, ttl),
      });
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    const key = this.key(ip, email);
    const failures = await this.redis.incr(key);
    if (failures === 1) await this.redis.expire(key, this.config.LOGIN_FAILURE_WINDOW_SECONDS);
  }

  async reset(ip: string, email: string): Promise<void> {
    await this.redis.del(this.key(ip, email));
  }
}
