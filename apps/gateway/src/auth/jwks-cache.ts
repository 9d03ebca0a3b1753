import { Inject, Injectable } from '@nestjs/common';
import { type JsonWebKeySetResponse, RPC_PATTERNS } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { GatewayConfig } from '../gateway.config';
import { Upstream } from '../upstream/upstream.service';

/** An unknown `kid` triggers at most one refetch per this interval (forged kids cannot flood auth). */
const REFETCH_INTERVAL_MS = 10_000;

/**
 * The verification keys, fetched from auth (RPC `auth.jwks`) and cached for
 * JWKS_CACHE_TTL_SECONDS: after that the next token refetches the set, so a key auth no
 * longer serves (rotated out, or removed after a leak) stops verifying within the TTL. A
 * token signed with a key not seen yet (a rotation) refetches early. When auth cannot be
 * reached, the last set keeps serving (logged), so a short auth outage does not log
 * everyone out. Keys are kept parsed (KeyObject): parsing a PEM on every request cost the
 * gateway about 2 ms of CPU per request, its largest cost under load.
 */
@Injectable()
export class JwksCache {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private lastAttempt = 0;
  private fetching?: Promise<void>;
  private readonly log: Logger;

  constructor(
    private readonly upstream: Upstream,
    private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'jwks-cache' });
  }

  /** The public key of `kid`, or undefined when auth does not serve it. */
  async keyFor(kid: string): Promise<KeyObject | undefined> {
    const now = Date.now();
    const fresh = now - this.fetchedAt < this.config.JWKS_CACHE_TTL_SECONDS * 1000;
    if (fresh) {
      const known = this.keys.get(kid);
      if (known) return known;
      if (now - this.lastAttempt < REFETCH_INTERVAL_MS) return undefined;
    }
    this.fetching ??= this.refresh().finally(() => (this.fetching = undefined));
    await this.fetching;
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    this.lastAttempt = Date.now();
    let set: JsonWebKeySetResponse;
    try {
      set = await this.upstream.call(RPC_PATTERNS.authJwks, {});
    } catch (error) {
      if (this.keys.size === 0) throw error;
      this.log.warn({ err: (error as Error).message }, 'JWKS refresh failed; keeping the last set');
      return;
    }
    this.keys = new Map(
      set.keys.map((jwk) => [
        String(jwk.kid),
        createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
      ]),
    );
    this.fetchedAt = Date.now();
  }
}
