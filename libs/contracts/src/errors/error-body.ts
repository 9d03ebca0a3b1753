import type { ErrorCode } from './error-codes';

export interface ErrorDetail {
  field: string;
  message: string;
}

/** The one error shape of docs/product.md#cross-cutting-rules: `{ "error": ErrorBody }`. */
export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  field?: string;
  details?: ErrorDetail[];
  requestId?: string;
}

export interface ErrorResponse {
  error: ErrorBody;
}
