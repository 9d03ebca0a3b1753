import type { ErrorCode } from './error-codes';
import type { ErrorReason } from './error-reasons';

export interface ErrorDetail {
  field: string;
  message: string;
}

/** The one error shape of docs/product.md#cross-cutting-rules: `{ "error": ErrorBody }`. */
export interface ErrorBody {
  code: ErrorCode | string;
  /** Which of the situations sharing the code (docs/errors.md), when several do. */
  reason?: ErrorReason | string;
  message: string;
  field?: string;
  details?: ErrorDetail[];
  requestId?: string;
}

export interface ErrorResponse {
  error: ErrorBody;
}
