import type { components } from './schema';

export type ErrorBody = components['schemas']['ErrorBodyDto'];

/** An answer outside 2xx, in the gateway's one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }

  /**
   * The messages addressed to one field (`field` or `details[].field`). When details name the
   * error's own field, they say it better than the summary, which repeats them.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const details = this.body.details ?? [];
    if (this.body.field && !details.some((d) => d.field === this.body.field))
      out[this.body.field] = this.body.message;
    for (const detail of details)
      out[detail.field] =
        out[detail.field] && out[detail.field] !== detail.message
          ? `${out[detail.field]}; ${detail.message}`
          : detail.message;
    return out;
  }
}

/** Turns whatever a failed call left into an ApiError (network failures included). */
export function toApiError(status: number, error: unknown): ApiError {
  const body = (error as { error?: ErrorBody } | undefined)?.error;
  if (body && typeof body.code === 'string') return new ApiError(status, body);
  return new ApiError(status, {
    code: status === 0 ? 'NETWORK' : 'UNEXPECTED',
    message: status === 0 ? 'The server cannot be reached' : `Unexpected answer (${status})`,
    requestId: '',
  });
}
