import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { type AccessRevocations, AppError } from '@prepmate/platform';
import type { GatewayConfig } from '../gateway.config';
import type { FixedWindowLimiter } from '../rate-limit/fixed-window-limiter';
import type { AuthenticatedRequest } from './access.decorators';
import type { AccessTokenVerifier } from './access-token-verifier';
import { AccessGuard } from './access.guard';

const CALLER = { userId: 'user-1', role: 'student' as const };

/** A guard whose token always verifies, with the revocation check given. */
function guardWith(isRevoked: () => Promise<boolean>) {
  const reflector = { getAllAndOverride: () => undefined } as unknown as Reflector;
  const verifier = {
    verify: () => Promise.resolve({ caller: CALLER, issuedAt: 1_700_000_000 }),
  } as unknown as AccessTokenVerifier;
  const limiter = {
    consume: () => Promise.resolve({ allowed: true, remaining: 99, retryAfterSeconds: 0 }),
  } as unknown as FixedWindowLimiter;
  const revocations = { isRevoked } as unknown as AccessRevocations;
  const config = {
    RATE_LIMIT_USER_PER_MINUTE: 100,
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: 100,
    RATE_LIMIT_ADVISORY_PER_MINUTE: 10,
  } as GatewayConfig;
  return new AccessGuard(reflector, verifier, limiter, revocations, config);
}

function request(): Partial<AuthenticatedRequest> {
  return {
    headers: { authorization: 'Bearer a.b.c' },
    path: '/api/v1/telemetry/topic-stats',
    ip: '127.0.0.1',
  };
}

function contextOf(req: Partial<AuthenticatedRequest>): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => ({ setHeader: () => {} }) }),
  } as unknown as ExecutionContext;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('AccessGuard (the deny-list check)', () => {
  it('lets a verified token that is not revoked through, as its caller', async () => {
    const req = request();
    await expect(guardWith(() => Promise.resolve(false)).canActivate(contextOf(req))).resolves.toBe(
      true,
    );
    expect(req.caller).toEqual(CALLER);
  });

  it('refuses a revoked token (401)', async () => {
    const error = await refusal(
      guardWith(() => Promise.resolve(true)).canActivate(contextOf(request())),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('access token has been revoked');
  });

  it('answers 503, not 401, when Redis cannot say (the client keeps its token and retries)', async () => {
    const req = request();
    const error = await refusal(
      guardWith(() => Promise.reject(new Error('Command timed out'))).canActivate(contextOf(req)),
    );
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(req.caller).toBeUndefined();
  });
});
