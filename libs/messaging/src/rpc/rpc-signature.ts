import { createHmac, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';

/**
 * The signature of an RPC request: HMAC-SHA256 of the exact body bytes (pattern, data,
 * caller and expiry) with the shared RPC signing secret. A request is believed — its
 * caller included — only when it carries a valid signature: whoever can publish to the
 * broker but does not hold the secret cannot act as anyone (docs/security.md).
 */
export function signRpcBody(body: Buffer, secret: string): string {
  return `${VERSION}=${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/**
 * True when `signature` is the signature of `body` under one of `secrets` (the current
 * secret first, then those being rotated out). Compared in constant time.
 */
export function isValidRpcSignature(
  body: Buffer,
  signature: unknown,
  secrets: readonly string[],
): boolean {
  if (typeof signature !== 'string' || !signature.startsWith(`${VERSION}=`)) return false;
  const given = Buffer.from(signature);
  return secrets.some((secret) => {
    const expected = Buffer.from(signRpcBody(body, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
