import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { IngestionConfig } from '../ingestion.config';
import { PlatformUnavailableError } from './platform-errors';

const circuitOpen = new Gauge({
  name: 'ingestion_platform_circuit_open',
  help: '1 while the circuit breaker of a platform is open or half-open',
  labelNames: ['platform'],
});

/** Per-user breakers kept at most (the oldest is forgotten first: it starts closed again). */
const MAX_USER_BREAKERS = 10_000;

/**
 * One circuit breaker per platform (cockatiel): after CIRCUIT_FAILURE_THRESHOLD consecutive
 * failures (5) calls fail fast for CIRCUIT_HALF_OPEN_AFTER_MS (60 s), then one trial call
 * decides. Only unavailability counts; a refused request (unknown handle) does not.
 *
 * Calls a user's own input drives (an import's LeetCode question look-ups) go through a breaker
 * of that user and platform instead (`executeForUser`): they fail fast while the platform's
 * breaker is open, but their failures never count towards it, so one user's junk (10 000
 * made-up slugs that get LeetCode to rate-limit us) cannot stop every user's syncs.
 */
@Injectable()
export class PlatformCircuitBreakers {
  private readonly breakers = new Map<Platform, CircuitBreakerPolicy>();
  private readonly userBreakers = new Map<string, CircuitBreakerPolicy>();
  private readonly openedAt = new Map<Platform, number>();
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'circuit-breaker' });
  }

  async execute<T>(platform: Platform, call: () => Promise<T>): Promise<T> {
    return this.run(platform, this.breaker(platform), call);
  }

  /** A call driven by one user's input: their own breaker, never the platform's. */
  async executeForUser<T>(platform: Platform, userId: string, call: () => Promise<T>): Promise<T> {
    if (this.state(platform) === 'open')
      throw new PlatformUnavailableError(
        platform,
        'circuit open after repeated failures; retry later',
      );
    return this.run(platform, this.userBreaker(platform, userId), call);
  }

  private async run<T>(
    platform: Platform,
    breaker: CircuitBreakerPolicy,
    call: () => Promise<T>,
  ): Promise<T> {
    try {
      return await breaker.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError)
        throw new PlatformUnavailableError(
          platform,
          'circuit open after repeated failures; retry later',
        );
      throw error;
    }
  }

  state(platform: Platform): 'closed' | 'open' | 'half-open' {
    const state = this.breakers.get(platform)?.state ?? CircuitState.Closed;
    if (state === CircuitState.HalfOpen) return 'half-open';
    return state === CircuitState.Closed ? 'closed' : 'open';
  }

  /**
   * Whether a call to the platform would fail fast now: open and still within the half-open
   * delay, or half-open with its trial call in flight. (cockatiel reports an open circuit as
   * open until a call tries it after the delay, so the state alone would refuse forever.)
   */
  refusesCalls(platform: Platform): boolean {
    const state = this.state(platform);
    if (state === 'half-open') return true;
    if (state === 'closed') return false;
    return Date.now() - (this.openedAt.get(platform) ?? 0) < this.config.CIRCUIT_HALF_OPEN_AFTER_MS;
  }

  private userBreaker(platform: Platform, userId: string): CircuitBreakerPolicy {
    const key = `${platform}:${userId}`;
    let breaker = this.userBreakers.get(key);
    if (breaker) return breaker;
    if (this.userBreakers.size >= MAX_USER_BREAKERS)
      this.userBreakers.delete(this.userBreakers.keys().next().value!);
    breaker = this.newBreaker();
    breaker.onBreak(() =>
      this.log.warn({ platform, userId }, "circuit of one user's look-ups opened"),
    );
    this.userBreakers.set(key, breaker);
    return breaker;
  }

  private newBreaker(): CircuitBreakerPolicy {
    return circuitBreaker(
      handleWhen((error) => error instanceof PlatformUnavailableError),
      {
        halfOpenAfter: this.config.CIRCUIT_HALF_OPEN_AFTER_MS,
        breaker: new ConsecutiveBreaker(this.config.CIRCUIT_FAILURE_THRESHOLD),
      },
    );
  }

  private breaker(platform: Platform): CircuitBreakerPolicy {
    let breaker = this.breakers.get(platform);
    if (!breaker) {
      breaker = this.newBreaker();
      breaker.onBreak(() => {
        this.openedAt.set(platform, Date.now());
        circuitOpen.set({ platform }, 1);
        this.log.warn({ platform }, 'circuit opened: platform calls fail fast');
      });
      breaker.onHalfOpen(() => this.log.info({ platform }, 'circuit half-open: trying one call'));
      breaker.onReset(() => {
        circuitOpen.set({ platform }, 0);
        this.log.info({ platform }, 'circuit closed');
      });
      this.breakers.set(platform, breaker);
    }
    return breaker;
  }
}
