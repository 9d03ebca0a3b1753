import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { type RequestContext, runWithContext } from '../context/request-context';
import { httpRequestDuration } from '../metrics/http-metrics';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: string } }).route?.path;
  return route ? `${request.baseUrl}${route}` : 'unmatched';
}

/**
 * Takes `x-request-id` from the request (or makes one), echoes it on the response, runs the
 * request inside its context, and writes one access log line and one latency sample.
 */
export function requestContextMiddleware(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    response.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    const context: RequestContext = { requestId, correlationId: requestId };
    runWithContext(context, () => {
      response.on('finish', () => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const route = routeOf(request);
        httpRequestDuration.observe(
          { method: request.method, route, status: String(response.statusCode) },
          durationMs / 1000,
        );
        if (request.path.startsWith('/health') || request.path === '/metrics') return;
        logger.info(
          {
            requestId,
            // Set on this same object by authentication (setContextUser) during the request.
            userId: context.userId,
            method: request.method,
            route,
            path: request.originalUrl,
            status: response.statusCode,
            durationMs: Math.round(durationMs * 10) / 10,
          },
          'request completed',
        );
      });
      next();
    });
  };
}
