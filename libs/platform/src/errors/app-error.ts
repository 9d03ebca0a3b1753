import {
  ERROR_REASONS,
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type ErrorDetail,
  type ErrorReason,
} from '@prepmate/contracts';

interface AppErrorOptions {
  field?: string;
  details?: ErrorDetail[];
  retryAfterSeconds?: number;
  /** Which situation, where one code covers several (docs/errors.md). */
  reason?: ErrorReason;
}

/**
 * A failure with a stable code. Thrown anywhere (controller, service, RPC handler), it
 * becomes the one error shape with the status of its code; across an RPC it keeps its code.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: AppErrorOptions = {},
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
      ...(this.options.reason ? { reason: this.options.reason } : {}),
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

  /** A failure named by its reason: the code comes with it (ERROR_REASONS). */
  static because(
    reason: ErrorReason,
    message: string,
    options: Omit<AppErrorOptions, 'reason'> = {},
  ): AppError {
    return new AppError(ERROR_REASONS[reason].code, message, { ...options, reason });
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
