import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupSwagger } from './docs/swagger';

/** Public routes live under /api/v1; probes, metrics and docs stay at the root. */
export function configureGateway(app: NestExpressApplication): void {
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.disable('x-powered-by');
  setupSwagger(app);
}
