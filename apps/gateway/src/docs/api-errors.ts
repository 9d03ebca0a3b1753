import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '@prepmate/contracts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED (with details) or BAD_REQUEST (malformed JSON)',
  401: 'UNAUTHENTICATED: missing, invalid or expired access token',
  403: 'FORBIDDEN: the caller may not do this',
  404: 'NOT_FOUND',
  409: 'CONFLICT, or QUOTA_EXCEEDED when a per-user limit is reached',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE: a charset other than UTF-8 or an unknown Content-Encoding',
  429: 'RATE_LIMITED (see retry-after)',
  503: 'UPSTREAM_UNAVAILABLE: a service is down',
  504: 'UPSTREAM_TIMEOUT: a service did not answer in time',
};

/** Documents the error responses of a route, all in the one error shape. 429/503/504 always apply. */
export function ApiErrors(...statuses: number[]) {
  const all = [...new Set([...statuses, 429, 503, 504])].sort();
  return applyDecorators(
    ...all.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponseDto }),
    ),
  );
}
