import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type NestMiddleware,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { ServiceConfig } from '../config/service-config';
import { ROOT_LOGGER } from '../logging/logger.tokens';

/**
 * Lets the HTTP server stop even while clients keep their keep-alive connections busy (a load
 * balancer, a client retrying every second): Node's `server.close()` waits for every open
 * connection, and a connection that keeps receiving requests never ends, so SIGTERM never
 * finished (found by the fault suite's "SIGTERM everything"). When shutdown begins, every
 * further response says `Connection: close`, idle connections are closed at once, and what is
 * still open SHUTDOWN_TIMEOUT_MS later is closed (docs/operations.md#stopping).
 */
@Injectable()
export class HttpDrain implements NestMiddleware, BeforeApplicationShutdown, OnApplicationShutdown {
  private draining = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  use(
    _request: unknown,
    response: { setHeader(name: string, value: string): void },
    next: () => void,
  ): void {
    if (this.draining) response.setHeader('Connection', 'close');
    next();
  }

  beforeApplicationShutdown(): void {
    const server = this.server();
    if (!server || this.draining) return;
    this.draining = true;
    server.closeIdleConnections();
    this.timer = setTimeout(() => {
      this.logger.warn('connections still open after the shutdown timeout; closing them');
      server.closeAllConnections();
    }, this.config.SHUTDOWN_TIMEOUT_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  private server(): Server | undefined {
    return this.adapter.httpAdapter?.getHttpServer() as Server | undefined;
  }
}
