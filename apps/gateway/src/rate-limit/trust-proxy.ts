import { isIP } from 'node:net';

/** What the gateway trusts in `X-Forwarded-For`: nothing, the last n hops, or these proxies. */
export type TrustProxy = false | number | string[];

/**
 * Parses `TRUST_PROXY`: `false`/`0`/empty = no proxy (the socket address is the client);
 * a hop count `n` = the client is the address n entries from the right of
 * `X-Forwarded-For` (the entries the trusted proxies appended, never the client-written
 * leftmost one); or a comma-separated list of proxy addresses / CIDRs (`10.0.0.0/8`,
 * `fd00::/8`). `true` (trust every hop) is refused: it makes the client-written leftmost
 * address the key of every rate limit. Returns an error message for anything else.
 */
export function parseTrustProxy(raw: string): { value: TrustProxy } | { error: string } {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return { value: false };
  if (text === 'true') {
    return { error: 'must be a hop count or a list of proxy CIDRs ("true" trusts every hop)' };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { value: hops } : { error: 'a hop count must be at most 10' };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (entries.length === 0 || bad.length > 0) {
    return {
      error: `must be a hop count or comma-separated addresses/CIDRs (bad: ${bad.join(', ')})`,
    };
  }
  return { value: entries };
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
