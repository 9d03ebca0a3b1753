import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RpcCaller, UserRole } from '@prepmate/contracts';
import { AccessRevocations, AppError, setContextUser } from '@prepmate/platform';
import type { Response } from 'express';
import { GatewayConfig } from '../gateway.config';
import { FixedWindowLimiter } from '../rate-limit/fixed-window-limiter';
import { clientKey } from '../rate-limit/client-key';
import { bucketsFor } from '../rate-limit/rate-limit-policy';
import { AccessTokenVerifier } from './access-token-verifier';
import {
  type AuthenticatedRequest,
  IS_PUBLIC,
  IS_UNGUARDED,
  REQUIRED_ROLES,
} from './access.decorators';

/**
 * Every request, in order: identify the caller from the bearer token (if any; a token of a
 * deleted, locked or demoted account is refused by the deny-list), spend the
 * caller's rate-limit budget (an invalid token counts against the IP, so guessing tokens is
 * throttled too), then require authentication unless the route is public, then the roles.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly limiter: FixedWindowLimiter,
    private readonly revocations: AccessRevocations,
    private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (
      this.reflector.getAllAndOverride<boolean>(IS_UNGUARDED, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const isPublic =
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
        context.getHandler(),
        context.getClass(),
      ]) ?? false;

    let caller: RpcCaller | undefined;
    let authError: AppError | undefined;
    const token = bearerToken(request.headers.authorization);
    if (token) {
      try {
        const verified = await this.verifier.verify(token);
        const revoked = await this.revocations
          .isRevoked(verified.caller.userId, verified.issuedAt)
          .catch(() => {
            // Redis did not answer: the token may be fine, so the client must not drop it.
            throw new AppError('UPSTREAM_UNAVAILABLE', 'could not check the access token; retry');
          });
        if (revoked) {
          throw new AppError('UNAUTHENTICATED', 'access token has been revoked');
        }
        caller = verified.caller;
      } catch (error) {
        authError =
          error instanceof AppError
            ? error
            : new AppError('UNAUTHENTICATED', 'access token is invalid');
      }
    } else if (request.headers.authorization !== undefined) {
      authError = new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <access token>"');
    }

    await this.spend(request, response, caller);

    if (authError && !isPublic) throw authError;
    if (!caller && !isPublic) throw new AppError('UNAUTHENTICATED', 'authentication required');
    if (caller) {
      request.caller = caller;
      setContextUser(caller.userId);
    }
    const roles = this.reflector.getAllAndOverride<UserRole[]>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && (!caller || !roles.includes(caller.role))) {
      throw new AppError('FORBIDDEN', `requires role ${roles.join(' or ')}`);
    }
    return true;
  }

  private async spend(
    request: AuthenticatedRequest,
    response: Response,
    caller: RpcCaller | undefined,
  ): Promise<void> {
    const limits = {
      userPerMinute: this.config.RATE_LIMIT_USER_PER_MINUTE,
      anonymousPerMinute: this.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      advisoryPerMinute: this.config.RATE_LIMIT_ADVISORY_PER_MINUTE,
    };
    for (const bucket of bucketsFor(
      request.path,
      caller,
      clientKey(request.ip ?? 'unknown'),
      limits,
    )) {
      const decision = await this.limiter.consume(bucket);
      response.setHeader('x-ratelimit-limit', String(bucket.limit));
      response.setHeader('x-ratelimit-remaining', String(decision.remaining));
      if (!decision.allowed) {
        throw new AppError('RATE_LIMITED', 'too many requests; slow down', {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
    }
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
  return match?.[1];
}
