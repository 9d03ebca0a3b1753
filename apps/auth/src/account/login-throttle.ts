import { Inject, Injectable } from '@nestjs/common';
import { AppError, REDIS } from '@prepmate/platform';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AuthConfig } from '../auth.config';

/**
 * Counts the attempt and reads the window's expiry in one atomic step: the count is taken
 * before the password is checked, so N guesses sent in parallel get counts 1..N and only
 * the first LOGIN_MAX_FAILURES of them reach the password check.
 */
const ATTEMPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('TTL', KEYS[1])}
`;

/**
 * At most LOGIN_MAX_FAILURES failed logins per LOGIN_FAILURE_WINDOW_SECONDS for one
 * (client, email), where the client is the gateway's rate-limit key (IPv4 address or IPv6
 * /64). Counted in Redis so every auth replica sees the same count.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AuthConfig,
  ) {}

  private key(client: string, email: string): string {
    const digest = createHash('sha256')
      .update(`${client}|${email.toLowerCase()}`)
      .digest('base64url');
    return `${this.config.REDIS_KEY_PREFIX}auth:login-failures:${digest}`;
  }

  /**
   * Spends one attempt of the pair's budget, before the password is checked; throws
   * RATE_LIMITED (with retry-after) once the budget of the window is spent. A success
   * then calls `reset`; a failure leaves the attempt counted.
   */
  async attempt(client: string, email: string): Promise<void> {
    const [count, ttl] = (await this.redis.eval(
      ATTEMPT,
      1,
      this.key(client, email),
      this.config.LOGIN_FAILURE_WINDOW_SECONDS,
    )) as [number, number];
    if (count > this.config.LOGIN_MAX_FAILURES) {
      throw new AppError('RATE_LIMITED', 'too many failed logins; try again later', {
        retryAfterSeconds: Math.max(1, ttl),
      });
    }
  }

  async reset(client: string, email: string): Promise<void> {
    await this.redis.del(this.key(client, email));
  }
}
