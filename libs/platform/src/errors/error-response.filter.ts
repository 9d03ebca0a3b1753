import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { currentContext } from '../context/request-context';
import { ROOT_LOGGER } from '../logging/logger.tokens';
import { toErrorBody } from './to-error-body';

/** Every HTTP error leaves in the one shape `{ error: { code, message, ..., requestId } }`. */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const requestId = currentContext()?.requestId ?? String(request.headers['x-request-id'] ?? '');
    const mapped = toErrorBody(exception, requestId || undefined);
    if (mapped.unexpected) {
      this.logger.error(
        { err: exception, route: request.originalUrl },
        'request failed unexpectedly',
      );
    }
    if (mapped.retryAfterSeconds !== undefined) {
      response.setHeader('retry-after', String(mapped.retryAfterSeconds));
    }
    response.status(mapped.status).json({ error: mapped.body });
  }
}
