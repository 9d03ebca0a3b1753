import { type INestApplication, RequestMethod } from '@nestjs/common';

/** Public routes live under /api/v1; probes and metrics stay at the root. */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}
