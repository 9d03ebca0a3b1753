import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ROOT_LOGGER } from '@prepmate/platform';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from 'pino';
import { GatewayConfig } from '../gateway.config';

/** Paths served only on the ops port once one is configured. */
export const OPS_ONLY_PATHS = new Set(['/health/ready', '/metrics']);

/**
 * The gateway's ops port (OPS_PORT): a second listener on the same application, where
 * readiness (which names every dependency and its state) and metrics are served; the public
 * API port answers 404 for them (see `isOpsConnection`). Liveness stays on both.
 */
@Injectable()
export class OpsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;
  private readonly sockets = new WeakSet<Socket>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.config.OPS_PORT !== undefined;
  }

  /** The port it listens on (null when OPS_PORT is not set). */
  get port(): number | null {
    return (this.server?.address() as AddressInfo | null)?.port ?? null;
  }

  /** Whether `socket` came in through the ops port. */
  isOpsConnection(socket: Socket): boolean {
    return this.sockets.has(socket);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.OPS_PORT === undefined) return;
    const server = createServer(this.adapterHost.httpAdapter.getInstance());
    server.on('connection', (socket) => this.sockets.add(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.OPS_PORT, this.config.HTTP_HOST, () => resolve());
    });
    this.server = server;
    this.logger.info({ opsPort: this.port }, 'probes and metrics on the ops port');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
