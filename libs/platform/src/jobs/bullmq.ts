import { Processor } from '@nestjs/bullmq';
import type { Provider, Type } from '@nestjs/common';
import type { QueueOptions } from 'bullmq';
import type { ServiceConfig } from '../config/service-config';

/** Redis connection options of BullMQ from a `redis://` / `rediss://` URL. */
export function bullConnectionOptions(url: string): NonNullable<QueueOptions['connection']> {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // A worker's blocking commands must wait as long as Redis is away (BullMQ requires it).
    maxRetriesPerRequest: null,
  };
}

/** `BullModule.forRootAsync` options of a service: its Redis and its key prefix. */
export function bullRootOptions(config: ServiceConfig): QueueOptions {
  return {
    connection: bullConnectionOptions(config.REDIS_URL),
    prefix: `${config.REDIS_KEY_PREFIX}bull`,
  };
}

/** What `@Processor(queue, options)` takes as worker options. */
export type ProcessorWorkerOptions = NonNullable<Parameters<typeof Processor>[1]>;

/**
 * Gives a `@Processor` class worker options computed from the validated configuration.
 * @nestjs/bullmq reads a processor's worker options from its decorator, whose arguments are
 * constants, and creates the worker when its module initializes, after every provider
 * exists. This provider, listed among the module's providers, runs before that and applies
 * the decorator again with the configured options.
 */
export function processorOptionsProvider<C>(
  processor: Type,
  queue: string,
  configClass: Type<C>,
  options: (config: C) => ProcessorWorkerOptions,
): Provider {
  return {
    provide: `${processor.name}:worker-options`,
    inject: [configClass],
    useFactory: (config: C) => {
      const resolved = options(config);
      Processor(queue, resolved)(processor);
      return resolved;
    },
  };
}
