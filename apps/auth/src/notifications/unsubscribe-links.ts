import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@prepmate/contracts';
import { createHmac } from 'node:crypto';
import { AuthConfig } from '../auth.config';
import {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
  type UnsubscribeClaim,
} from '../domain/unsubscribe-token';
import { SigningKeys } from '../keys/signing-keys';

/** The unsubscribe links of notification emails: signed tokens to a public gateway route. */
@Injectable()
export class UnsubscribeLinks {
  private derived?: Buffer;

  constructor(
    private readonly config: AuthConfig,
    private readonly keys: SigningKeys,
  ) {}

  /** UNSUBSCRIBE_SECRET, else a key derived from the access-token signing key (docs/security.md). */
  private get secret(): string | Buffer {
    if (this.config.UNSUBSCRIBE_SECRET) return this.config.UNSUBSCRIBE_SECRET;
    this.derived ??= createHmac(
      'sha256',
      this.keys.signingKey.key.export({ type: 'pkcs8', format: 'der' }),
    )
      .update('prepmate unsubscribe links v1')
      .digest();
    return this.derived;
  }

  url(userId: string, kind: NotificationKind): string {
    const token = signUnsubscribeToken({ userId, kind }, this.secret);
    const base = this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    return `${base}/api/v1/notifications/unsubscribe?token=${token}`;
  }

  verify(token: string): UnsubscribeClaim | null {
    return verifyUnsubscribeToken(token, this.secret);
  }

  /** Where the emails' "Open PrepMate" points. */
  get appUrl(): string {
    return this.config.PUBLIC_BASE_URL;
  }
}
