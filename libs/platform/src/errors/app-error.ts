import {
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type ErrorDetail,
} from '@prepmate/contracts';

/**
 * A failure with a stable code. Thrown anywhere (controller, service, RPC handler), it
 * becomes the one error shape with the status of its code; across an RPC it keeps its code.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { field?: string; details?: ErrorDetail[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(requestId?: string): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.options.field ? { field: this.options.field } : {}),
      ...(this.details ? { details: this.details } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }

  /** A validation failure always lists its problems (docs/product.md); a single one is its own list. */
  private get details(): ErrorDetail[] | undefined {
    if (this.options.details || this.code !== 'VALIDATION_FAILED') return this.options.details;
    return [{ field: this.options.field ?? 'body', message: this.message }];
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found`);
  }

  static validation(details: ErrorDetail[]): AppError {
    const first = details[0];
    return new AppError(
      'VALIDATION_FAILED',
      first ? `${first.field}: ${first.message}` : 'Invalid request',
      {
        field: first?.field,
        details,
      },
    );
  }
}
