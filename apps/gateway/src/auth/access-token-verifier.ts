import { Injectable } from '@nestjs/common';
import { type RpcCaller, USER_ROLES, type UserRole } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { GatewayConfig } from '../gateway.config';
import { JwksCache } from './jwks-cache';

const invalid = (message = 'access token is invalid') => new AppError('UNAUTHENTICATED', message);

/**
 * Verifies a bearer token: RS256 only (`none`, HS* and anything else are rejected before any
 * key is looked at), a known `kid`, signature, issuer, audience and expiry (with the
 * configured clock skew).
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly keys: JwksCache,
    private readonly config: GatewayConfig,
  ) {}

  async verify(token: string): Promise<RpcCaller> {
    let header: { alg?: string; kid?: string };
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw invalid();
    }
    if (header.alg !== 'RS256' || !header.kid) throw invalid();
    const key = await this.keys.keyFor(header.kid);
    if (!key) throw invalid();
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['RS256'],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        clockTolerance: this.config.JWT_CLOCK_SKEW_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const role = payload.role as UserRole;
      if (!payload.sub || !USER_ROLES.includes(role)) throw invalid();
      return { userId: payload.sub, role };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw invalid('access token has expired');
      if (error instanceof AppError) throw error;
      throw invalid();
    }
  }
}
