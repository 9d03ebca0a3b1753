import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { ServiceConfig } from '../config/service-config';
import { ErrorResponseFilter } from '../errors/error-response.filter';
import { createValidationPipe } from '../errors/validation-pipe';
import { HttpDrain } from '../http/http-drain';
import { ROOT_LOGGER } from '../logging/logger.tokens';
import { NestPinoLogger } from '../logging/nest-logger';
import { requestContextMiddleware } from '../logging/request-context.middleware';

export interface BootstrapOptions {
  /** The service's root module (it imports PlatformModule.forRoot). */
  module: Type<unknown>;
  /** The broker transport (events + RPC queue), resolved from the app's container. */
  transport?: Type<CustomTransportStrategy>;
  /** JSON body limit; the gateway raises it for imports. */
  jsonBodyLimit?: string;
  /** HTTP setup of the app (prefix, helmet, CORS, route body parsers, Swagger), before the default body parser. */
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Wires an app the way every service runs: JSON logs, request ids, the one error shape,
 * validation, graceful shutdown on SIGTERM/SIGINT, and the broker transport. Tests call
 * it on an app built from an overridden testing module.
 */
export async function configureServiceApp(
  app: NestExpressApplication,
  options: Omit<BootstrapOptions, 'module'>,
): Promise<void> {
  const logger = app.get<Logger>(ROOT_LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.use(requestContextMiddleware(logger));
  const drain = app.get(HttpDrain);
  app.use(drain.use.bind(drain));
  // Before the default body parser, so routes given a larger parser there keep it.
  await options.configure?.(app);
  app.useBodyParser('json', { limit: options.jsonBodyLimit ?? '1mb' });
  app.useGlobalFilters(new ErrorResponseFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  if (options.transport) {
    app.connectMicroservice({ strategy: app.get(options.transport) }, { inheritAppConfig: true });
  }
}

/** Starts the transport and the HTTP server on HTTP_HOST:HTTP_PORT (0 picks a free port). */
export async function startServiceApp(app: NestExpressApplication): Promise<void> {
  const logger = app.get<Logger>(ROOT_LOGGER);
  const config = app.get(ServiceConfig);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info({ port: listeningPort(app), db: config.MONGO_DB }, 'service ready');
}

/** The port the app's HTTP server listens on. */
export function listeningPort(app: INestApplication): number {
  const address = app.getHttpServer().address() as { port: number } | string | null;
  return typeof address === 'object' && address ? address.port : 0;
}

/** Creates, wires and starts one service. */
export async function bootstrapService(options: BootstrapOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bufferLogs: true,
    bodyParser: false,
  });
  await configureServiceApp(app, options);
  await startServiceApp(app);
  return app;
}

/** For `main.ts`: start, or say why not and exit non-zero. */
export function runService(options: BootstrapOptions): void {
  bootstrapService(options).catch((error: unknown) => {
    // The logger may not exist yet (a bad configuration fails before it does).
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', msg: 'service failed to start', err: reason })}\n`,
    );
    process.exit(1);
  });
}
