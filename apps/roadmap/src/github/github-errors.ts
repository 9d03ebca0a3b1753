/** GitHub did not answer usefully (network, timeout, 5xx, rate limit): retry later. */
export class GithubUnavailableError extends Error {
  constructor(reason: string) {
    super(`github: ${reason}`);
    this.name = 'GithubUnavailableError';
  }
}

/** GitHub refused the request for good (no such public repository): no retry helps. */
export class GithubRefusedError extends Error {
  constructor(reason: string) {
    super(`github: ${reason}`);
    this.name = 'GithubRefusedError';
  }
}
