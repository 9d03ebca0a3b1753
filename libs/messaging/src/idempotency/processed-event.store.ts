import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { WriteBatcher } from './write-batcher';

/** A claims client never waits for Redis: an unanswered claim is taken as fresh (below). */
const CLAIM_COMMAND_TIMEOUT_MS = 1_000;
/** How long the first start waits for Redis before consuming without claims. */
const CONNECT_WAIT_MS = 3_000;
/** One warning per this interval while claims cannot be asked. */
const WARN_EVERY_MS = 30_000;

/**
 * Which events a service's consumers have taken on, by (queue, eventId): a Redis key per
 * claim, `SET NX` with the retention window as its expiry (`PROCESSED_EVENTS_RETENTION_HOURS`),
 * so two deliveries claiming the same event race on one key and exactly one wins. Claims that
 * arrive together go in one pipeline (WriteBatcher).
 *
 * A claim only spares a plain duplicate (an event published twice) its handling: every
 * handler keys its effects by what it stores, because redeliveries, retries and replays are
 * handled again anyway (EventDelivery). So a claim need not be as durable as the effects it
 * guards, and Redis, a round trip far cheaper than a database insert, keeps them. When Redis
 * cannot answer (down, flushed, slow), a claim counts as fresh and the event is handled:
 * consuming never waits on Redis, and a duplicate in that window is handled once more, which
 * changes nothing (docs/architecture.md "Consuming", docs/reliability.md).
 */
@Injectable()
export class ProcessedEventStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private readonly redis: Redis;
  private readonly retentionMs: number;
  private readonly prefix: string;
  private lastWarnedAt = 0;
  private readonly claims = new WriteBatcher<string, boolean>((keys) => this.setClaims(keys));

  constructor(config: ServiceConfig, @Inject(ROOT_LOGGER) logger: Logger) {
    this.log = logger.child({ component: 'idempotency' });
    this.retentionMs = config.PROCESSED_EVENTS_RETENTION_HOURS * 3_600_000;
    this.prefix = `${config.REDIS_KEY_PREFIX}claims:`;
    // Its own client: no offline queue (a claim while disconnected fails at once and counts
    // as fresh) and a short command timeout.
    this.redis = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: CLAIM_COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.redis.on('error', () => undefined); // reported by the claims that fail (warnUnavailable)
  }

  /** Gives Redis a moment at start, so the first deliveries are claimed; never fails the start. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      this.redis.once('ready', done);
    });
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  /** Records the event as taken on; false when it already was (a duplicate). */
  async claim(queue: string, eventId: string): Promise<boolean> {
    try {
      return await this.claims.add(this.keyOf(queue, eventId));
    } catch (error) {
      this.warnUnavailable(error);
      return true;
    }
  }

  /** Forgets a claim whose handling failed, so its retry is handled. */
  async release(queue: string, eventId: string): Promise<void> {
    await this.redis.del(this.keyOf(queue, eventId));
  }

  async isProcessed(queue: string, eventId: string): Promise<boolean> {
    return (await this.redis.exists(this.keyOf(queue, eventId))) === 1;
  }

  private keyOf(queue: string, eventId: string): string {
    return `${this.prefix}${queue}:${eventId}`;
  }

  /** One pipeline of `SET key 1 PX <retention> NX`; OK means the claim is new. */
  private async setClaims(keys: string[]): Promise<boolean[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.set(key, '1', 'PX', this.retentionMs, 'NX');
    const replies = (await pipeline.exec()) ?? [];
    return keys.map((_, index) => {
      const [error, reply] = replies[index] ?? [new Error('no reply'), null];
      if (error) throw error;
      return reply === 'OK';
    });
  }

  private warnUnavailable(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarnedAt < WARN_EVERY_MS) return;
    this.lastWarnedAt = now;
    this.log.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'idempotency claims unavailable (Redis); handling deliveries without the duplicate check',
    );
  }
}
