/** The platform is down, slow, rate-limiting or answering garbage: retried later, opens the breaker. */
export class PlatformUnavailableError extends Error {
  constructor(
    readonly platform: string,
    message: string,
  ) {
    super(`${platform}: ${message}`);
  }
}

/** The platform refused the request itself (unknown handle, expired session): not retried soon. */
export class PlatformRequestError extends Error {
  constructor(
    readonly platform: string,
    message: string,
  ) {
    super(`${platform}: ${message}`);
  }
}
