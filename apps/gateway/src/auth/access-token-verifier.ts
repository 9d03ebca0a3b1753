import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type RpcCaller, USER_ROLES, type UserRole } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { JwksCache } from './jwks-cache';

const invalid = (message = 'access token is invalid') => new AppError('UNAUTHENTICATED', message);

export interface VerifiedToken {
  caller: RpcCaller;
  /** `iat`, epoch seconds: the deny-list refuses tokens issued before a revocation. */
  issuedAt: number;
}

/**
 * Verifies a bearer token with `@nestjs/jwt` (JwtModule in gateway.module.ts: RS256 only,
 * issuer, audience, clock skew): `none`, HS* and anything else are rejected before any key is
 * looked at, then the key of its `kid`, signature, expiry and the required claims.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly keys: JwksCache,
  ) {}

  async verify(token: string): Promise<VerifiedToken> {
    const decoded = this.decodeHeader(token);
    if (decoded?.alg !== 'RS256' || typeof decoded.kid !== 'string') throw invalid();
    const publicKey = await this.keys.keyFor(decoded.kid);
    if (!publicKey) throw invalid();
    let payload: { sub?: unknown; role?: unknown; iat?: unknown; exp?: unknown };
    try {
      // JwtVerifyOptions types the key as a string or Buffer, but hands it to jsonwebtoken,
      // which takes a parsed KeyObject as well (and then does not parse it again).
      payload = await this.jwt.verifyAsync(token, { publicKey: publicKey as unknown as Buffer });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw invalid('access token has expired');
      throw invalid();
    }
    const role = payload.role as UserRole;
    if (
      typeof payload.sub !== 'string' ||
      !payload.sub ||
      typeof payload.iat !== 'number' ||
      typeof payload.exp !== 'number' ||
      !USER_ROLES.includes(role)
    ) {
      throw invalid();
    }
    return { caller: { userId: payload.sub, role }, issuedAt: payload.iat };
  }

  private decodeHeader(token: string): { alg?: unknown; kid?: unknown } | undefined {
    try {
      const decoded = this.jwt.decode<{ header?: { alg?: unknown; kid?: unknown } } | null>(token, {
        complete: true,
      });
      return decoded?.header;
    } catch {
      return undefined;
    }
  }
}
