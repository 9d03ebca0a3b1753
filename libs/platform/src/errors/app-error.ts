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
      ...(this.options.details ? { details: this.options.details } : {}),
      ...(requestId ? { requestId } : {}),
    };
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
