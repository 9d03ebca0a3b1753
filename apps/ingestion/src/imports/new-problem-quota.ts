import { Inject, Injectable } from '@nestjs/common';
import { type Platform, RPC_PATTERNS } from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';
import { AppError, REDIS } from '@prepmate/platform';
import type { Redis } from 'ioredis';
import type { ImportRecord, Rejection } from '../domain/import-record';
import { refuseRecords, splitDistinct } from '../domain/import-limits';
import { IngestionConfig } from '../ingestion.config';

/** A day and a bit: the counter of a day outlives it, then Redis forgets it. */
const COUNTER_TTL_SECONDS = 2 * 24 * 3600;

/**
 * Adds `ARGV[1]` to the day's counter unless that passes the cap `ARGV[2]`: returns how many
 * of them fit, the counter keeping exactly those. One script, so concurrent imports of the
 * same user cannot both take the last places.
 */
const TAKE_UP_TO = `
local wanted = tonumber(ARGV[1])
local total = redis.call('INCRBY', KEYS[1], wanted)
if total == wanted then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
local over = total - tonumber(ARGV[2])
if over <= 0 then return wanted end
local back = math.min(over, wanted)
redis.call('DECRBY', KEYS[1], back)
return wanted - back
`;

/**
 * The per-user daily cap on new platform problems brought by imports (only the user vouches
 * for them, see docs/security-input.md): the catalog (normalization) says which problems it
 * does not map yet; the first ones up to what is left of today's cap are kept, records of the
 * others are refused one by one. Problems the platform vouches for (a LeetCode question looked
 * up) are not counted.
 */
@Injectable()
export class NewProblemQuota {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: IngestionConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async apply(
    userId: string,
    platform: Platform,
    records: ImportRecord[],
    now = new Date(),
  ): Promise<{ records: ImportRecord[]; rejected: Rejection[] }> {
    const vouchedByUser = [
      ...new Set(
        records
          .filter((record) => record.problem.verified !== true)
          .map((record) => record.problem.platformProblemId),
      ),
    ];
    if (vouchedByUser.length === 0) return { records, rejected: [] };
    const unknown = await this.unknown(platform, vouchedByUser);
    if (unknown.length === 0) return { records, rejected: [] };
    const allowed = await this.take(userId, unknown.length, now);
    const { refused } = splitDistinct(unknown, allowed);
    const cap = this.config.NEW_PROBLEMS_PER_USER_PER_DAY;
    return refuseRecords(
      records,
      refused,
      (record) => (record.problem.verified === true ? '' : record.problem.platformProblemId),
      () => ({
        code: 'QUOTA_EXCEEDED',
        field: 'problem.platformProblemId',
        message: `a user may bring at most ${cap} problems new to PrepMate a day; this one is new: import it again tomorrow, or link the account to sync it`,
      }),
    );
  }

  private async unknown(platform: Platform, platformProblemIds: string[]): Promise<string[]> {
    try {
      const answer = await this.rpc.call(RPC_PATTERNS.problemsUnknown, {
        platform,
        platformProblemIds,
      });
      return answer.unknown;
    } catch (error) {
      // Without the catalog the cap cannot be told: refuse the import rather than let
      // anything in (nothing was stored yet; the client retries).
      if (error instanceof AppError) throw error;
      throw new AppError(
        'UPSTREAM_UNAVAILABLE',
        'the problem catalog cannot be reached to check new problems; try again shortly',
      );
    }
  }

  private async take(userId: string, wanted: number, now: Date): Promise<number> {
    const day = now.toISOString().slice(0, 10);
    const key = `${this.config.REDIS_KEY_PREFIX}new-problems:${userId}:${day}`;
    const granted = await this.redis.eval(
      TAKE_UP_TO,
      1,
      key,
      String(wanted),
      String(this.config.NEW_PROBLEMS_PER_USER_PER_DAY),
      String(COUNTER_TTL_SECONDS),
    );
    return Number(granted);
  }
}
