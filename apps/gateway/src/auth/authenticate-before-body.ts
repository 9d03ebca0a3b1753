import { AppError } from '@prepmate/platform';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccessTokenVerifier } from './access-token-verifier';

/**
 * For routes that take large bodies (a 10 MB import): the bearer token is verified before
 * the body parser reads a byte, so an anonymous client cannot make the gateway buffer and
 * parse 10 MB. A missing or invalid token is a 401 with the body unread; a valid one runs
 * `parser`. The guard still runs afterwards (rate limits, roles, the rest of its checks).
 */
export function authenticateBeforeBody(
  verifier: AccessTokenVerifier,
  parser: RequestHandler,
): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const token = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      next(new AppError('UNAUTHENTICATED', 'authentication required'));
      return;
    }
    verifier.verify(token).then(
      () => parser(request, response, next),
      (error: unknown) =>
        next(
          error instanceof AppError
            ? error
            : new AppError('UNAUTHENTICATED', 'access token is invalid'),
        ),
    );
  };
}
