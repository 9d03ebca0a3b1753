import 'reflect-metadata';
import { Type } from 'class-transformer';
import { EnvBoolean } from './env-boolean';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The message signing secret of development and test runs (every process of one machine shares
 * it without configuration). Production refuses to start without its own secret.
 */
export const DEV_MESSAGE_SIGNING_SECRET = 'prepmate-development-only-message-signing-secret';

/**
 * Configuration every service reads from its environment. Property names are the
 * environment variable names, so a validation error names the variable to fix.
 * A service with settings of its own extends this class.
 */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** HTTP port for health, metrics and (gateway) the REST API; defaults per service. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT!: number;

  @IsString()
  HTTP_HOST = '0.0.0.0';

  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must be a mongodb:// URL' })
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  /** The service's own database; defaults to `<MONGO_DB_PREFIX>_<service>`. */
  @IsString()
  MONGO_DB!: string;

  /** Prefix of the default database names (`prepmate`), to run several systems on one server. */
  @IsOptional()
  @Matches(/^[\w-]{1,40}$/, { message: 'must be letters, digits, "_" or "-"' })
  MONGO_DB_PREFIX?: string;

  /** Database commands slower than this are logged (warn) with their collection and filter shape; 0 turns it off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MONGO_SLOW_COMMAND_MS = 200;

  @Matches(/^amqps?:\/\/\S+$/, { message: 'must be an amqp:// URL' })
  AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

  /**
   * The topic exchange events travel on. One broker can host several isolated systems
   * (or test runs) with different exchanges and service names.
   */
  @Matches(/^[\w.-]{1,200}$/, { message: 'must be an exchange name' })
  AMQP_EXCHANGE = 'prepmate.events';

  /**
   * Prepended to every queue name (`<prefix><service>.<event type>`, `<prefix><service>.rpc`);
   * empty in production, unique per test run so runs on one broker never share queues.
   */
  @Matches(/^[\w.-]{0,100}$/, { message: 'must be letters, digits, ".", "_" or "-"' })
  AMQP_QUEUE_PREFIX = '';

  /**
   * Queues nobody uses for this long are deleted by the broker (`x-expires`); 0 = never, as
   * in production. Test and benchmark runs set it so that a killed run's queues go away.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  AMQP_QUEUE_EXPIRES_MS = 0;

  /**
   * How long connecting to the broker (TCP and the AMQP handshake) may take before the attempt
   * is given up and retried: a broker that accepts the socket but never answers must not
   * leave the service waiting forever.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  AMQP_CONNECT_TIMEOUT_MS = 10_000;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key this system writes (rate limits, throttles, queues). */
  @Matches(/^[\w.:-]{1,100}$/, { message: 'must be letters, digits, ".", ":", "_" or "-"' })
  REDIS_KEY_PREFIX = 'prepmate:';

  /** Unacknowledged messages a consumer channel may hold. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  AMQP_PREFETCH = 32;

  /**
   * Delays of the retries after an event handler failed, comma-separated milliseconds;
   * after the last one the message goes to the dead-letter queue.
   */
  @Matches(/^\d+(,\d+)*$/, {
    message: 'must be comma-separated milliseconds, e.g. 1000,5000,30000',
  })
  AMQP_RETRY_DELAYS_MS = '1000,5000,30000';

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  RPC_TIMEOUT_MS = 5000;

  /**
   * How long a service's RPC queue outlives its last consumer when that replica dies without
   * stopping (kill -9, a crash): its restart answers the requests it held instead of their
   * callers waiting out their timeout. A replica that stops cleanly deletes the queue if no
   * other replica consumes it, so callers get 503 at once (docs/architecture.md#topology).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  RPC_QUEUE_EXPIRES_MS = 30_000;

  /**
   * How long one event handler may run. A handler still running then counts as failed: its
   * delivery goes through the retry ladder (and is acked), instead of holding the message
   * until the broker's consumer timeout closes the whole channel (docs/reliability.md).
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HANDLER_TIMEOUT_MS = 60_000;

  /**
   * While a dependency (the database, Redis) is down, event consumers pause instead of sending
   * live traffic through the retry ladder into the DLQ: a failed handler makes the transport
   * probe the dependencies; one down pauses consuming, and they are probed this often until
   * all answer again (docs/reliability.md "Dependency outages").
   */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  DEPENDENCY_PROBE_EVERY_MS = 1000;

  /**
   * How often the database client watchdog checks that our client reaches the database
   * (docs/reliability.md "A wedged database client").
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DB_WATCHDOG_EVERY_MS = 5_000;

  /**
   * How long the database may answer a fresh client but not ours before ours is rebuilt:
   * longer than a healthy driver's own reconnection (its 10 s heartbeat).
   */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  DB_REBUILD_AFTER_MS = 20_000;

  /** How long one dependency probe may take before it counts as down. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  DEPENDENCY_PROBE_TIMEOUT_MS = 2000;

  /**
   * How long one Redis command may wait (connection down, server stuck) before it fails, so
   * that the job or request it belongs to fails and is retried instead of waiting forever.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  REDIS_COMMAND_TIMEOUT_MS = 5000;

  /**
   * Most events the unrouted queue keeps (events no queue was bound for); beyond it the oldest
   * are dropped. Their count is exported as `messaging_unrouted_events` and logged.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AMQP_UNROUTED_MAX_LENGTH = 10_000;

  /** How long SIGTERM waits for in-flight messages and requests before closing. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** How often the outbox relay sweeps for events that are still pending. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  OUTBOX_SWEEP_INTERVAL_MS = 5000;

  /**
   * Lease of a batch outbox document: renewed by its live writer every third of it; a batch
   * whose lease ran out (its writer died) is taken over by the sweep. Renewal lets it be short:
   * a killed writer's events go out within this plus a sweep interval (docs/reliability.md).
   */
  @Type(() => Number)
  @IsInt()
  @Min(300)
  OUTBOX_BATCH_LEASE_MS = 15_000;

  /** How long processed event ids are kept for idempotency checks. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PROCESSED_EVENTS_RETENTION_HOURS = 24 * 7;

  /**
   * Shared secret that signs every RPC request (HMAC-SHA256 of the body, caller included)
   * and every event; each service refuses a request or event without a valid signature. At least 32 characters;
   * required in production, a development secret otherwise (docs/security.md).
   */
  @ValidateIf(
    (config: ServiceConfig) =>
      config.NODE_ENV === 'production' || config.MESSAGE_SIGNING_SECRET !== undefined,
  )
  @IsString({ message: 'is required in production' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  MESSAGE_SIGNING_SECRET?: string;

  /** Comma-separated secrets being rotated out: still accepted, never used to sign. */
  @IsOptional()
  @IsString()
  MESSAGE_PREVIOUS_SIGNING_SECRETS?: string;

  /**
   * Only for the rolling upgrade that introduces signing: messages that carry no signature
   * (from not-yet-upgraded replicas) are accepted and logged; a wrong signature is still
   * refused. Turn it off once every service runs signed (docs/security.md).
   */
  @EnvBoolean()
  ACCEPT_UNSIGNED_MESSAGES = false;

  /** The secret that signs, then those that are still accepted. */
  get messageSigningSecrets(): string[] {
    const previous = (this.MESSAGE_PREVIOUS_SIGNING_SECRETS ?? '')
      .split(',')
      .map((secret) => secret.trim())
      .filter(Boolean);
    return [this.MESSAGE_SIGNING_SECRET ?? DEV_MESSAGE_SIGNING_SECRET, ...previous];
  }

  get retryDelaysMs(): number[] {
    return this.AMQP_RETRY_DELAYS_MS.split(',').map(Number);
  }
}
