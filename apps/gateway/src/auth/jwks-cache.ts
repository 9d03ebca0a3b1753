import { Injectable } from '@nestjs/common';
import { type JsonWebKeySetResponse, RPC_PATTERNS } from '@prepmate/contracts';
import { importJWK, type KeyLike } from 'jose';
import { Upstream } from '../upstream/upstream.service';

/** An unknown `kid` triggers at most one refetch per this interval (forged kids cannot flood auth). */
const REFETCH_INTERVAL_MS = 10_000;

/**
 * The verification keys, fetched from auth (RPC `auth.jwks`) and cached; a token signed with
 * a key not seen yet (a rotation) makes it refetch.
 */
@Injectable()
export class JwksCache {
  private keys = new Map<string, KeyLike | Uint8Array>();
  private lastFetch = 0;
  private fetching?: Promise<void>;

  constructor(private readonly upstream: Upstream) {}

  async keyFor(kid: string): Promise<KeyLike | Uint8Array | undefined> {
    const known = this.keys.get(kid);
    if (known) return known;
    if (Date.now() - this.lastFetch < REFETCH_INTERVAL_MS && this.keys.size > 0) return undefined;
    this.fetching ??= this.refresh().finally(() => (this.fetching = undefined));
    await this.fetching;
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    const set = await this.upstream.call<JsonWebKeySetResponse>('auth', RPC_PATTERNS.authJwks, {});
    const entries = await Promise.all(
      set.keys.map(
        async (jwk) => [String(jwk.kid), await importJWK(jwk as never, 'RS256')] as const,
      ),
    );
    this.keys = new Map(entries);
    this.lastFetch = Date.now();
  }
}
