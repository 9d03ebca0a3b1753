import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import helmet from 'helmet';
import { setupSwagger } from './docs/swagger';
import { GatewayConfig } from './gateway.config';
import { applyRoutePrefix } from './route-prefix';
import { serveWebClient } from './web/web-client';

/** Routes that accept large bodies (bulk imports); every other route takes JSON_BODY_LIMIT. */
const LARGE_BODY_ROUTES = ['/api/v1/submissions/import'];

/**
 * The public edge: helmet headers, the CORS allow-list, body limits (413 beyond), public
 * routes under /api/v1 (probes, metrics and docs stay at the root), Swagger, and the web
 * client at / when it is built (see docs/web.md).
 */
export function configureGateway(app: NestExpressApplication): void {
  const config = app.get(GatewayConfig);
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining'],
  });
  for (const route of LARGE_BODY_ROUTES) app.use(route, json({ limit: config.IMPORT_BODY_LIMIT }));
  applyRoutePrefix(app);
  setupSwagger(app);
  if (!serveWebClient(app, config.WEB_ROOT))
    new Logger('Gateway').log(`no web client at ${config.WEB_ROOT} (npm run build makes it)`);
}
