import { PeriodicSweep } from './periodic-sweep';

/** How soon an assertion that failed (Redis down) is tried again, unless told otherwise. */
export const ASSERTION_RETRY_MS = 5_000;

export interface BackgroundAssertionOptions {
  /** How soon a failed assertion is tried again. */
  retryMs?: number;
  /**
   * Asserted again this often while the service runs (a Redis that lost its data, flushed or
   * failed over, gets it back); never when absent.
   */
  reassertEveryMs?: number;
  /** A failed assertion (it is retried). */
  onError?: (error: Error) => void;
}

/**
 * Something idempotent a service keeps true in a store it does not own — a BullMQ job
 * scheduler in Redis — asserted in the background: a store that is down at start must not
 * hold the service's start (it starts, not ready, and readiness says why); the assertion is
 * retried until the store answers, and optionally asserted again periodically.
 */
export class BackgroundAssertion {
  private stopped = true;
  private asserted = false;
  private retry?: NodeJS.Timeout;
  private readonly periodic?: PeriodicSweep;

  constructor(
    private readonly assertion: () => Promise<unknown>,
    private readonly options: BackgroundAssertionOptions = {},
  ) {
    if (options.reassertEveryMs !== undefined)
      this.periodic = new PeriodicSweep(() => this.attempt(), options.reassertEveryMs);
  }

  /** Whether the assertion succeeded at least once. */
  get done(): boolean {
    return this.asserted;
  }

  /** Asserts now in the background (retried until it succeeds), then periodically if asked. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.attempt();
    this.periodic?.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.periodic?.stop();
  }

  private async attempt(): Promise<void> {
    try {
      await this.assertion();
      this.asserted = true;
    } catch (error) {
      if (this.stopped) return;
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
      clearTimeout(this.retry);
      this.retry = setTimeout(
        () => void this.attempt(),
        this.options.retryMs ?? ASSERTION_RETRY_MS,
      );
      this.retry.unref();
    }
  }
}
