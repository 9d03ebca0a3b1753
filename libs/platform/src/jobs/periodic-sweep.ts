/**
 * A pass run every `everyMs` in this process, never two at once: a tick while a pass still
 * runs is skipped. The timer does not hold the process open; `stop` clears it and waits for a
 * running pass, so a service shuts down without cutting one off. A pass that rejects is
 * handed to `onError` (the next tick tries again); passes that log their own failures need
 * none.
 */
export class PeriodicSweep {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  /** Starts ticking; with `now`, the first pass runs at once instead of after `everyMs`. */
  start({ now = false }: { now?: boolean } = {}): void {
    if (this.timer) return;
    if (now) void this.tick();
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  /** Runs a pass now unless one is running; resolves when the running pass ends. */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .then(
        () => undefined,
        (error: unknown) => this.onError(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops ticking and waits for a running pass. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
