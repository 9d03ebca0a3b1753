import { Redis } from 'ioredis';

/** Reconnection attempts a command waits through before it fails (ioredis maxRetriesPerRequest). */
export const REDIS_RETRIES_PER_COMMAND = 2;

/**
 * The service's shared ioredis client, failing fast so that the request or job a command
 * belongs to fails and is retried by its own mechanism (HTTP 503, the BullMQ backoff, the
 * event retry ladder) instead of waiting for Redis forever:
 * - `commandTimeout`: a command without an answer after `commandTimeoutMs` fails (a server
 *   that accepts the connection but does not answer);
 * - `maxRetriesPerRequest`: a command sent while the connection is down waits in the offline
 *   queue (kept on: a short reconnection is invisible to callers) through at most
 *   REDIS_RETRIES_PER_COMMAND reconnection attempts, then fails;
 * - the client itself keeps reconnecting (200 ms steps up to 2 s).
 * BullMQ workers do not use this client: their blocking commands must wait (bullmq.ts).
 */
export function createRedisClient(url: string, commandTimeoutMs: number): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: REDIS_RETRIES_PER_COMMAND,
    commandTimeout: commandTimeoutMs,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}
