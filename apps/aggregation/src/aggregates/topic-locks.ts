import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A lock outlives a stalled holder by this much at most. */
const LOCK_TTL_MS = 10_000;
/** How long a writer waits for a topic's lock before its job fails (and is retried). */
const LOCK_WAIT_MS = 15_000;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Per-topic mutual exclusion across replicas (Redis `SET NX PX`, released only by its
 * holder). The histogram writes are also compare-and-set on a version, which is atomic on
 * MongoDB; FerretDB 1.24 reads and writes an update in two steps, so two guarded writes can
 * both pass there: the lock keeps writers of one topic one at a time on either database.
 */
export class TopicLocks {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /**
   * Runs `work` holding the locks of all these topics, taken one after the other in sorted
   * order (so two holders of overlapping sets can never deadlock) and released after.
   */
  async withLocks<T>(topics: string[], work: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    const held: string[] = [];
    try {
      for (const topic of [...new Set(topics)].sort()) {
        const key = `${this.prefix}${topic}`;
        await this.acquire(topic, key, token);
        held.push(key);
      }
      return await work();
    } finally {
      await Promise.all(
        held.map((key) => this.redis.eval(RELEASE, 1, key, token).catch(() => undefined)),
      );
    }
  }

  private async acquire(topic: string, key: string, token: string): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    while ((await this.redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline)
        throw new Error(`topic ${topic}: histogram lock busy for ${LOCK_WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
    }
  }
}
