import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicSweep, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { AuthConfig } from '../auth.config';
import { NotificationStore } from './notification.store';

/** Batches one pass deletes at most: a backlog is worked off over several passes. */
export const MAX_BATCHES_PER_PASS = 20;

const DAY_MS = 24 * 3600_000;

/**
 * The inbox's retention (docs/product.md#notifications): every NOTIFICATION_SWEEP_EVERY_MS
 * (and once at start) deletes notifications read more than NOTIFICATION_RETENTION_DAYS ago,
 * NOTIFICATION_SWEEP_BATCH at a time, at most MAX_BATCHES_PER_PASS batches a pass. Replicas
 * may sweep at once: deleting the same notification twice is harmless.
 */
@Injectable()
export class NotificationRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly periodic: PeriodicSweep;
  private readonly log: Logger;

  constructor(
    private readonly notifications: NotificationStore,
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'notification-retention' });
    this.periodic = new PeriodicSweep(
      () => this.sweep(),
      config.NOTIFICATION_SWEEP_EVERY_MS,
      (error) => this.log.warn({ err: error.message }, 'notification retention sweep failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.periodic.start({ now: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.periodic.stop();
  }

  /** One pass; returns how many notifications it deleted. */
  async sweep(now = new Date()): Promise<number> {
    const readBefore = new Date(now.getTime() - this.config.NOTIFICATION_RETENTION_DAYS * DAY_MS);
    const batch = this.config.NOTIFICATION_SWEEP_BATCH;
    let deleted = 0;
    for (let i = 0; i < MAX_BATCHES_PER_PASS; i += 1) {
      const removed = await this.notifications.deleteReadBefore(readBefore, batch);
      deleted += removed;
      if (removed < batch) break;
    }
    if (deleted > 0) this.log.info({ deleted }, 'old read notifications deleted');
    return deleted;
  }
}
