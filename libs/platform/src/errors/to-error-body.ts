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
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

/** What body-parser, raw-body and the router throw (http-errors): a status and a type. */
interface HttpStatusError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
}

/**
 * Messages of our own for the client errors the HTTP stack raises: theirs may quote what the
 * client sent (a charset, an encoding), and nothing a client sent is echoed in an error.
 */
const MESSAGE_BY_TYPE: Record<string, string> = {
  'entity.too.large': 'Request body is too large',
  'entity.parse.failed': 'Request body is not valid JSON',
  'entity.verify.failed': 'Request body was refused',
  'charset.unsupported': 'Unsupported charset: send JSON in UTF-8',
  'encoding.unsupported': 'Unsupported Content-Encoding: send identity, gzip, deflate or br',
  'request.aborted': 'The request was aborted',
  'request.size.invalid': 'Request body size does not match its Content-Length',
  'parameters.too.many': 'Too many parameters',
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Request body is too large',
  415: 'Unsupported media type',
};

/** The 4xx status an error from the HTTP stack carries, or null (5xx and others are ours). */
function clientStatusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode } = error as HttpStatusError;
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value < 500
    ? value
    : null;
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
  // body-parser (400 malformed, 413, 415 charset or Content-Encoding), the router (400 bad
  // percent-encoding) and any other http-errors: keep the client status, never a 500.
  const clientStatus = clientStatusOf(error);
  if (clientStatus !== null) {
    const type = (error as HttpStatusError).type;
    const message =
      (typeof type === 'string' ? MESSAGE_BY_TYPE[type] : undefined) ??
      MESSAGE_BY_STATUS[clientStatus] ??
      'The request was refused';
    const code = CODE_BY_STATUS[clientStatus] ?? 'BAD_REQUEST';
    return { status: clientStatus, body: { code, message, requestId }, unexpected: false };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'Internal error', requestId },
    unexpected: true,
  };
}
