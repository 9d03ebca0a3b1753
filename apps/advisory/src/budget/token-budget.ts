import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@prepmate/platform';
import type { Redis } from 'ioredis';
import { AdvisoryConfig } from '../advisory.config';
import { budgetDay } from '../domain/advice';

/** A counter outlives its day by one more, then Redis drops it. */
const COUNTER_TTL_SECONDS = 2 * 86_400;

/**
 * Each user's model tokens per UTC day (prompt + completion), one Redis counter per user and
 * day (INCRBY: concurrent calls of one user add up, never overwrite). A call is allowed while
 * the day's total is under ADVISORY_DAILY_TOKEN_BUDGET; the call that crosses it is counted.
 */
@Injectable()
export class TokenBudget {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AdvisoryConfig,
  ) {}

  private key(userId: string, at: number): string {
    return `${this.config.REDIS_KEY_PREFIX}advisory:tokens:${budgetDay(at)}:${userId}`;
  }

  get limit(): number {
    return this.config.ADVISORY_DAILY_TOKEN_BUDGET;
  }

  async used(userId: string, at = Date.now()): Promise<number> {
    return Number((await this.redis.get(this.key(userId, at))) ?? 0);
  }

  async hasRoom(userId: string, at = Date.now()): Promise<boolean> {
    return (await this.used(userId, at)) < this.limit;
  }

  async spend(userId: string, tokens: number, at = Date.now()): Promise<void> {
    if (tokens <= 0) return;
    const key = this.key(userId, at);
    await this.redis.multi().incrby(key, tokens).expire(key, COUNTER_TTL_SECONDS).exec();
  }

  /** Today's usage, for the export. */
  async exportUser(userId: string): Promise<{ day: string; tokensUsed: number; limit: number }> {
    const now = Date.now();
    return { day: budgetDay(now), tokensUsed: await this.used(userId, now), limit: this.limit };
  }

  /** Removes today's and yesterday's counters (older ones have expired). */
  async deleteUser(userId: string): Promise<number> {
    const now = Date.now();
    return this.redis.del(this.key(userId, now), this.key(userId, now - 86_400_000));
  }
}
