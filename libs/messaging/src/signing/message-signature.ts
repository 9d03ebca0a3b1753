import { createHmac, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';

/** What a signature is for: an RPC request body cannot pass as an event, nor the reverse. */
export type SignedKind = 'rpc' | 'event';

/**
 * The signature of a message: HMAC-SHA256, with the shared signing secret
 * (`MESSAGE_SIGNING_SECRET`), of its kind and its exact body bytes — for an RPC request the
 * pattern, data, caller and expiry; for an event its whole envelope. A message is believed
 * only when it carries a valid signature: whoever can publish to the broker but does not
 * hold the secret can neither act as a user nor forge an event (docs/security.md).
 */
export function signMessage(kind: SignedKind, body: Buffer, secret: string): string {
  const mac = createHmac('sha256', secret).update(`${kind}\n`).update(body).digest('base64url');
  return `${VERSION}=${mac}`;
}

/** How a receiver checks signatures: the accepted secrets, and the rollout switch. */
export interface SignatureCheck {
  secrets: readonly string[];
  /** ACCEPT_UNSIGNED_MESSAGES: a message with no signature at all passes (a wrong one never). */
  acceptUnsigned: boolean;
}

/**
 * `valid`; `unsigned` (no signature, let through only while ACCEPT_UNSIGNED_MESSAGES is on,
 * during the rolling upgrade that introduces signing); or `refused`.
 */
export function checkMessageSignature(
  kind: SignedKind,
  body: Buffer,
  signature: unknown,
  check: SignatureCheck,
): 'valid' | 'unsigned' | 'refused' {
  if (signature === undefined) return check.acceptUnsigned ? 'unsigned' : 'refused';
  return isValidMessageSignature(kind, body, signature, check.secrets) ? 'valid' : 'refused';
}

/**
 * True when `signature` is the signature of (`kind`, `body`) under one of `secrets` (the
 * current secret first, then those being rotated out). Compared in constant time.
 */
export function isValidMessageSignature(
  kind: SignedKind,
  body: Buffer,
  signature: unknown,
  secrets: readonly string[],
): boolean {
  if (typeof signature !== 'string' || !signature.startsWith(`${VERSION}=`)) return false;
  const given = Buffer.from(signature);
  return secrets.some((secret) => {
    const expected = Buffer.from(signMessage(kind, body, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
