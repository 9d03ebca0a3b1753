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

/**
 * One circuit breaker per platform (cockatiel): after CIRCUIT_FAILURE_THRESHOLD consecutive
 * failures (5) calls fail fast for CIRCUIT_HALF_OPEN_AFTER_MS (60 s), then one trial call
 * decides. Only unavailability counts; a refused request (unknown handle) does not.
 */
@Injectable()
export class PlatformCircuitBreakers {
  private readonly breakers = new Map<Platform, CircuitBreakerPolicy>();
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'circuit-breaker' });
  }

  async execute<T>(platform: Platform, call: () => Promise<T>): Promise<T> {
    try {
      return await this.breaker(platform).execute(call);
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

  private breaker(platform: Platform): CircuitBreakerPolicy {
    let breaker = this.breakers.get(platform);
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof PlatformUnavailableError),
        {
          halfOpenAfter: this.config.CIRCUIT_HALF_OPEN_AFTER_MS,
          breaker: new ConsecutiveBreaker(this.config.CIRCUIT_FAILURE_THRESHOLD),
        },
      );
      breaker.onBreak(() => {
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
