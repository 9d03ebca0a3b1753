import type { RedisOptions } from 'ioredis';
import type { AdvisoryConfig } from '../advisory.config';

/**
 * ioredis options from REDIS_URL for BullMQ's own connections (each queue and worker opens and
 * closes its own; BullMQ needs `maxRetriesPerRequest: null` on the blocking ones).
 */
export function bullConnection(config: AdvisoryConfig): RedisOptions {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** Keys of this system's BullMQ queues start with the Redis prefix (isolated test runs). */
export function bullPrefix(config: AdvisoryConfig): string {
  return `${config.REDIS_KEY_PREFIX}bull`;
}

export const ADVICE_QUEUE = 'advisory-advice';
export const REFRESH_ADVICE_JOB = 'refresh-advice';
export const MAINTENANCE_QUEUE = 'advisory-maintenance';
export const DROP_BODIES_JOB = 'drop-inference-bodies';
