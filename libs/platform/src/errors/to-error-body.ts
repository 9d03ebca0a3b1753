import { HttpException } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@prepmate/contracts';
import { AppError } from './app-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  retryAfterSeconds?: number;
  /** True when the failure is ours (5xx not caused by an upstream): log it with its stack. */
  unexpected: boolean;
}

/** Maps anything thrown to a status and the one error body; never leaks a stack or internals. */
export function toErrorBody(error: unknown, requestId?: string): MappedError {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: error.toBody(requestId),
      retryAfterSeconds: error.options.retryAfterSeconds,
      unexpected: error.status === 500,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    const message = status >= 500 ? 'Internal error' : error.message;
    return { status, body: { code, message, requestId }, unexpected: status >= 500 };
  }
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.too.large') {
    return {
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large', requestId },
      unexpected: false,
    };
  }
  if (parserError?.type === 'entity.parse.failed') {
    return {
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Request body is not valid JSON', requestId },
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'Internal error', requestId },
    unexpected: true,
  };
}
