import type { RpcCaller } from '@prepmate/contracts';

export interface RateLimits {
  userPerMinute: number;
  anonymousPerMinute: number;
  advisoryPerMinute: number;
}

export interface RateBucket {
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Which counter a request spends (docs/product.md#cross-cutting-rules): an authenticated user's own (100/min),
 * plus a separate one for the AI endpoints (10/min); an anonymous caller's IP (10/min).
 */
export function bucketsFor(
  path: string,
  caller: RpcCaller | undefined,
  ip: string,
  limits: RateLimits,
): RateBucket[] {
  if (!caller) return [{ key: `ip:${ip}`, limit: limits.anonymousPerMinute, windowSeconds: 60 }];
  const buckets: RateBucket[] = [
    { key: `user:${caller.userId}`, limit: limits.userPerMinute, windowSeconds: 60 },
  ];
  if (/^\/api\/v1\/advisory(\/|$)/.test(path)) {
    buckets.push({
      key: `advisory:${caller.userId}`,
      limit: limits.advisoryPerMinute,
      windowSeconds: 60,
    });
  }
  return buckets;
}
