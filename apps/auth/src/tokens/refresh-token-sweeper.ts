import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly log: Logger;

  constructor(
    private readonly tokens: RefreshTokenStore,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'refresh-token-sweeper' });
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.config.REFRESH_TOKEN_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
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
