import { NOTIFICATION_KINDS, type NotificationKind } from '@prepmate/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link carries: whose email of which kind to turn off. */
export interface UnsubscribeClaim {
  userId: string;
  kind: NotificationKind;
}

function signature(body: string, secret: string | Buffer): string {
  return createHmac('sha256', secret).update(`unsubscribe.v1.${body}`).digest('base64url');
}

/**
 * `<base64url(JSON {u, k})>.<HMAC-SHA256>`: a link in an email works without logging in and
 * never expires (old emails keep working), so it can do one thing only — turn one kind's
 * email off for one user (docs/security.md).
 */
export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string | Buffer): string {
  const body = Buffer.from(JSON.stringify({ u: claim.userId, k: claim.kind })).toString(
    'base64url',
  );
  return `${body}.${signature(body, secret)}`;
}

/** The claim of a token this secret signed; null for anything else (forged, altered, malformed). */
export function verifyUnsubscribeToken(
  token: string,
  secret: string | Buffer,
): UnsubscribeClaim | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(signature(body, secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      u?: unknown;
      k?: unknown;
    };
    if (typeof parsed.u !== 'string' || parsed.u === '') return null;
    if (!(NOTIFICATION_KINDS as readonly unknown[]).includes(parsed.k)) return null;
    return { userId: parsed.u, kind: parsed.k as NotificationKind };
  } catch {
    return null;
  }
}
