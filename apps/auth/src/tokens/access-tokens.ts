import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@prepmate/contracts';
import { AuthConfig } from '../auth.config';
import { SigningKeys } from '../keys/signing-keys';

/**
 * Short-lived RS256 JWTs signed with `@nestjs/jwt`: `sub` user id, `role`, issuer,
 * audience, `iat`, `exp`, and the signing key's `kid` in the header (JwtModule in
 * auth.module.ts holds the algorithm and claims).
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly keys: SigningKeys,
    private readonly config: AuthConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  issue(userId: string, role: UserRole): Promise<string> {
    const { key, kid } = this.keys.signingKey;
    return this.jwt.signAsync({ role }, { privateKey: key, keyid: kid, subject: userId });
  }
}
