import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { ServiceConfig } from '../config/service-config';
import { ErrorResponseFilter } from '../errors/error-response.filter';
import { createValidationPipe } from '../errors/validation-pipe';
import { NestPinoLogger } from '../logging/nest-logger';
import { ROOT_LOGGER } from '../logging/logger.tokens';
import { requestContextMiddleware } from '../logging/request-context.middleware';

export interface BootstrapOptions {
  /** The service's root module (it imports PlatformModule.forRoot). */
  module: Type<unknown>;
  /** The broker transport (events + RPC queue), resolved from the app's container. */
  transport?: Type<CustomTransportStrategy>;
  /** JSON body limit; the gateway raises it for imports. */
  jsonBodyLimit?: string;
  /** Last-minute HTTP setup (helmet, CORS, Swagger) before the app listens. */
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Creates, wires and starts one service: JSON logs, request ids, the one error shape,
 * validation, the broker transport, graceful shutdown on SIGTERM/SIGINT, then HTTP.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get<Logger>(ROOT_LOGGER);
  const config = app.get(ServiceConfig);
  app.useLogger(new NestPinoLogger(logger));
  app.use(requestContextMiddleware(logger));
  app.useBodyParser('json', { limit: options.jsonBodyLimit ?? '1mb' });
  app.useGlobalFilters(new ErrorResponseFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await options.configure?.(app);
  if (options.transport) {
    app.connectMicroservice({ strategy: app.get(options.transport) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
  logger.info({ port, db: config.MONGO_DB }, 'service ready');
  return app;
}

/** For `main.ts`: start, or log why not and exit non-zero. */
export function runService(options: BootstrapOptions): void {
  bootstrapService(options).catch((error: unknown) => {
    // The logger may not exist yet (bad configuration fails before it does).
    process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'service failed to start', err: error instanceof Error ? error.message : String(error) })}\n`);
    process.exit(1);
  });
}
