import { Injectable } from '@nestjs/common';
import type { UserRole } from '@prepmate/contracts';
import { SignJWT } from 'jose';
import { AuthConfig } from '../auth.config';
import { SigningKeys } from '../keys/signing-keys';

/** Short-lived RS256 JWTs: `sub` user id, `role`, issuer, audience, `kid` in the header. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly keys: SigningKeys,
    private readonly config: AuthConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  issue(userId: string, role: UserRole): Promise<string> {
    const { key, kid } = this.keys.signingKey;
    return new SignJWT({ role })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(key);
  }
}
