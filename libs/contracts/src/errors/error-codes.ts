/**
 * Stable error codes and their HTTP status. A code added without a status does not compile,
 * and the gateway maps a service's error to HTTP with this table.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** Chat between two learners whose synergy has not unlocked it. */
  CHAT_LOCKED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A per-user limit is reached (custom roadmaps): nothing was written. */
  QUOTA_EXCEEDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}
