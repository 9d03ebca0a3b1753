import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  READINESS_CHECKS,
  type ReadinessCheck,
  ROOT_LOGGER,
  ServiceConfig,
} from '@prepmate/platform';
import type { Logger } from 'pino';
import { consumersPaused } from '../messaging.metrics';

/** Checks that are not a dependency of the handlers (the broker is the transport's own). */
const NOT_A_HANDLER_DEPENDENCY = new Set(['rabbitmq']);

/** Probes in a row that must agree before consuming pauses or resumes. */
const PROBES_TO_AGREE = 2;

/**
 * Whether event handlers can work: their dependencies (the service's readiness checks but the
 * broker's — the database, Redis) answer. A failed handler asks `dependencyDown()`; when a
 * dependency is down the gate closes, the transport stops consuming (docs/reliability.md
 * "Dependency outages") and the failed delivery is put back without counting as an attempt.
 * While closed the dependencies are probed every `DEPENDENCY_PROBE_EVERY_MS`; once they answer
 * again the gate opens and consuming resumes. Readiness answers 503 meanwhile through the
 * dependency's own check.
 */
@Injectable()
export class DependencyGate implements OnModuleDestroy {
  private closed = false;
  private probing?: Promise<string[]>;
  private timer?: NodeJS.Timeout;
  private readonly listeners: Array<(paused: boolean) => void> = [];
  private readonly log: Logger;
  private readonly checks: ReadinessCheck[];

  constructor(
    @Inject(READINESS_CHECKS) checks: ReadinessCheck[],
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.checks = checks.filter((check) => !NOT_A_HANDLER_DEPENDENCY.has(check.name));
    this.log = logger.child({ component: 'dependency-gate' });
  }

  get paused(): boolean {
    return this.closed;
  }

  /** Called with true when consuming must pause, false when it may resume. */
  onChange(listener: (paused: boolean) => void): void {
    this.listeners.push(listener);
  }

  /**
   * After a handler failed: is a dependency down? Probes (one probe at a time however many
   * handlers ask) and closes the gate when one is down in PROBES_TO_AGREE probes in a row.
   */
  async dependencyDown(): Promise<boolean> {
    if (this.closed) return true;
    let down: string[] = [];
    for (let i = 0; i < PROBES_TO_AGREE; i++) {
      down = await this.probe();
      if (down.length === 0) return false;
      if (this.closed) return true;
    }
    this.close(down);
    return true;
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    this.listeners.length = 0;
  }

  private probe(): Promise<string[]> {
    this.probing ??= Promise.all(
      this.checks.map(async (check) =>
        (await check.isReady(this.config.DEPENDENCY_PROBE_TIMEOUT_MS)) ? null : check.name,
      ),
    )
      .then((names) => names.filter((name): name is string => name !== null))
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  private close(down: string[]): void {
    if (this.closed) return;
    this.closed = true;
    consumersPaused.set(1);
    this.log.warn(
      { down },
      'a dependency is down: consuming paused until it answers (messages wait in their queues)',
    );
    this.emit(true);
    this.scheduleReopen(0);
  }

  private scheduleReopen(agreeing: number): void {
    this.timer = setTimeout(() => {
      void this.probe().then((down) => {
        if (!this.closed) return;
        if (down.length > 0) return this.scheduleReopen(0);
        if (agreeing + 1 < PROBES_TO_AGREE) return this.scheduleReopen(agreeing + 1);
        this.closed = false;
        consumersPaused.set(0);
        this.log.info('dependencies answer again: consuming resumed');
        this.emit(false);
      });
    }, this.config.DEPENDENCY_PROBE_EVERY_MS);
    this.timer.unref();
  }

  private emit(paused: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(paused);
      } catch (error) {
        this.log.error({ err: (error as Error).message }, 'a pause listener failed');
      }
    }
  }
}
