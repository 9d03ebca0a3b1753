import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { type Connection, mongo } from 'mongoose';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import { ServiceConfig } from '../config/service-config';
import { withinTimeout } from '../health/readiness-check';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { ROOT_LOGGER } from '../logging/logger.tokens';
import { type WatchdogState, watchdogStep } from './client-watchdog';
import { mongooseOptions } from './mongoose-options';
import { logSlowCommands } from './slow-commands';

const rebuilt = new Counter({
  name: 'database_client_rebuilds_total',
  help: 'Times the database client was rebuilt because it stayed wedged while the database answered',
});

/** How long one ping (ours or a fresh client's) may take. */
const PING_TIMEOUT_MS = 3_000;
/** How long closing a wedged client may take before the new one is opened anyway. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Rebuilds a wedged database client (docs/reliability.md "A wedged database client"). The
 * MongoDB driver (6.20) can be left, after the database went away, with a server monitor whose
 * check never ends: the server stays "Unknown", every operation fails its server selection
 * and the client never reconnects, although the database answers again. Every
 * DB_WATCHDOG_EVERY_MS this pings through our client; when that fails it asks a fresh client;
 * when only the fresh one has reached the database for DB_REBUILD_AFTER_MS, the connection is
 * closed and opened again (mongoose keeps its models and collections; operations meanwhile are
 * buffered). An outage every client sees is waited out.
 */
@Injectable()
export class DatabaseWatchdog implements OnApplicationBootstrap, OnModuleDestroy {
  private state: WatchdogState = { wedgedSince: null };
  private readonly periodic: PeriodicSweep;
  private readonly log: Logger;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.log = logger.child({ component: 'database-watchdog' });
    this.periodic = new PeriodicSweep(
      () => this.check(),
      config.DB_WATCHDOG_EVERY_MS,
      (error) => this.log.warn({ err: error.message }, 'database watchdog check failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  /** One check; true when it rebuilt the client. */
  async check(now = Date.now()): Promise<boolean> {
    const ours = await this.ourClientAnswers();
    const fresh = ours ? true : await this.freshClientAnswers();
    const step = watchdogStep(this.state, { ours, fresh }, now, this.config.DB_REBUILD_AFTER_MS);
    this.state = step.state;
    if (!step.rebuild) return false;
    this.log.error(
      { afterMs: this.config.DB_REBUILD_AFTER_MS },
      'the database answers a fresh client but not ours: rebuilding our client',
    );
    await this.rebuild();
    rebuilt.inc();
    this.log.warn('database client rebuilt');
    return true;
  }

  private ourClientAnswers(): Promise<boolean> {
    const db = this.connection.db;
    if (this.connection.readyState !== 1 || !db) return Promise.resolve(false);
    return withinTimeout(() => db.command({ ping: 1 }), PING_TIMEOUT_MS);
  }

  private async freshClientAnswers(): Promise<boolean> {
    const client = new mongo.MongoClient(this.config.MONGO_URL, {
      serverSelectionTimeoutMS: PING_TIMEOUT_MS,
      connectTimeoutMS: PING_TIMEOUT_MS,
      maxPoolSize: 1,
    });
    try {
      return await withinTimeout(
        () => client.db(this.config.MONGO_DB).command({ ping: 1 }),
        PING_TIMEOUT_MS,
      );
    } finally {
      await client.close(true).catch(() => undefined);
    }
  }

  private async rebuild(): Promise<void> {
    await withinTimeout(() => this.connection.close(), CLOSE_TIMEOUT_MS);
    await this.connection.openUri(this.config.MONGO_URL, mongooseOptions(this.config));
    logSlowCommands(this.connection, this.logger, this.config.MONGO_SLOW_COMMAND_MS);
  }
}
