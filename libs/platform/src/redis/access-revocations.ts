import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ServiceConfig } from '../config/service-config';
import { REDIS } from './redis.tokens';

/**
 * The access-token deny-list. An access token is a signed JWT that lives up to its expiry
 * (15 minutes); when its user is deleted, locked or demoted, auth writes
 * `<prefix>auth:tokens-revoked:<userId>` = the revocation time (epoch seconds) with a TTL of
 * one token lifetime, and the gateway's guard refuses every token of that user issued at or
 * before it. One Redis GET per authenticated request; the key disappears once no token it
 * covers can still be valid.
 */
@Injectable()
export class AccessRevocations {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: ServiceConfig,
  ) {}

  private key(userId: string): string {
    return `${this.config.REDIS_KEY_PREFIX}auth:tokens-revoked:${userId}`;
  }

  /** Refuses, from now on, every access token of the user issued up to this second. */
  async revokeTokensOf(userId: string, tokenLifetimeSeconds: number): Promise<void> {
    const now = Math.floor(Date.now() / 1000);
    await this.redis.set(this.key(userId), String(now), 'EX', tokenLifetimeSeconds + 60);
  }

  /** True when the token (its user and `iat`) was issued before a revocation of its user. */
  async isRevoked(userId: string, issuedAtSeconds: number): Promise<boolean> {
    const revokedAt = await this.redis.get(this.key(userId));
    return revokedAt !== null && issuedAtSeconds <= Number(revokedAt);
  }
}
