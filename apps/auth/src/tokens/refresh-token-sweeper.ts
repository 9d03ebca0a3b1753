import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicSweep, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AuthConfig } from '../auth.config';
import { RefreshTokenStore } from './refresh-token.store';

/**
 * Deletes expired refresh tokens and families every REFRESH_TOKEN_SWEEP_INTERVAL_MS (and
 * once at start). Replicas may sweep at the same time: deleting what is expired twice is
 * harmless.
 */
@Injectable()
export class RefreshTokenSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly periodic: PeriodicSweep;
  private readonly log: Logger;

  constructor(
    private readonly tokens: RefreshTokenStore,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'refresh-token-sweeper' });
    this.periodic = new PeriodicSweep(() => this.sweep(), config.REFRESH_TOKEN_SWEEP_INTERVAL_MS);
  }

  onApplicationBootstrap(): void {
    this.periodic.start({ now: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.periodic.stop();
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.tokens.sweepExpired();
      if (removed.tokens + removed.families > 0)
        this.log.info(removed, 'expired refresh tokens removed');
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'refresh token sweep failed');
    }
  }
}
