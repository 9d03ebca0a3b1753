import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppError } from '@prepmate/platform';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AccessTokenVerifier } from './auth/access-token-verifier';
import { authenticateBeforeBody } from './auth/authenticate-before-body';
import { setupSwagger } from './docs/swagger';
import { GatewayConfig } from './gateway.config';
import { OPS_ONLY_PATHS, OpsListener } from './health/ops-listener';
import { NulCharacterPipe } from './input/nul-character.pipe';
import { applyRoutePrefix } from './route-prefix';
import { serveWebClient } from './web/web-client';

/** Routes that accept large bodies (bulk imports); every other route takes JSON_BODY_LIMIT. */
const LARGE_BODY_ROUTES = ['/api/v1/submissions/import'];

/**
 * The public edge: helmet headers, the CORS allow-list, body limits (413 beyond; the large
 * import body is read only once its bearer token verifies), public
 * routes under /api/v1 (probes, metrics and docs stay at the root; with OPS_PORT readiness
 * and metrics answer on the ops port only), Swagger, and the web client at / when it is
 * built (docs/web.md).
 */
export function configureGateway(app: NestExpressApplication): void {
  const config = app.get(GatewayConfig);
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // With an ops port, readiness and metrics are not public: 404, as for any unknown path.
  const ops = app.get(OpsListener);
  if (ops.enabled)
    app.use((request: Request, _response: Response, next: NextFunction) => {
      const opsPath = OPS_ONLY_PATHS.has(request.path) || request.path === '/health/live';
      const viaOps = ops.isOpsConnection(request.socket);
      // Ops paths only through the ops port, and only ops paths through it.
      if (viaOps ? !opsPath : OPS_ONLY_PATHS.has(request.path)) {
        next(new AppError('NOT_FOUND', `Cannot ${request.method} ${request.path}`));
        return;
      }
      next();
    });
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining'],
  });
  const verifier = app.get(AccessTokenVerifier);
  for (const route of LARGE_BODY_ROUTES)
    app.use(route, authenticateBeforeBody(verifier, json({ limit: config.IMPORT_BODY_LIMIT })));
  applyRoutePrefix(app);
  // Before the validation pipe every service adds (pipes run in the order they are added).
  app.useGlobalPipes(new NulCharacterPipe());
  setupSwagger(app);
  if (!serveWebClient(app, config.WEB_ROOT))
    new Logger('Gateway').log(`no web client at ${config.WEB_ROOT} (npm run build makes it)`);
}
