import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicSweep, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { RESOLUTION_STEPS } from '../domain/failure-resolution';
import { NormalizationConfig } from '../normalization.config';
import { FailureResolver } from './failure-resolver';
import { FailureStore } from './failure.store';

/**
 * Finishes resolutions nobody finished: an admin's request that crashed or failed half-way and
 * was not retried (docs/reliability.md "Resolving a normalization failure"). Every
 * `FAILURE_RESOLUTION_SWEEP_MS` each replica continues the resolutions whose last step is older
 * than `FAILURE_RESOLUTION_GRACE_MS`; the steps are idempotent, so two replicas (or a sweep and
 * a late admin retry) continuing the same one write nothing twice.
 */
@Injectable()
export class ResolutionSweep implements OnModuleInit, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;
  private readonly log: Logger;

  constructor(
    private readonly store: FailureStore,
    private readonly resolver: FailureResolver,
    private readonly config: NormalizationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'resolution-sweep' });
    this.periodic = new PeriodicSweep(() => this.sweep(), config.FAILURE_RESOLUTION_SWEEP_MS);
  }

  onModuleInit(): void {
    this.periodic.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  /** Continues every unfinished resolution older than the grace; returns how many finished. */
  async sweep(): Promise<number> {
    let finished = 0;
    try {
      const unfinished = await this.store.resolutionsStuck(
        RESOLUTION_STEPS.filter((step) => step !== 'done'),
        new Date(Date.now() - this.config.FAILURE_RESOLUTION_GRACE_MS),
        100,
      );
      for (const failureId of unfinished) {
        try {
          const result = await this.resolver.run(failureId);
          finished += 1;
          this.log.info({ ...result }, 'finished an interrupted resolution');
        } catch (error) {
          this.log.warn(
            { failureId, err: (error as Error).message },
            'could not finish an interrupted resolution; the next sweep tries again',
          );
        }
      }
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'resolution sweep failed');
    }
    return finished;
  }
}
