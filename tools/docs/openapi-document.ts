import { NestFactory } from '@nestjs/core';
import { createOpenApiDocument } from '../../apps/gateway/src/docs/swagger';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { applyRoutePrefix } from '../../apps/gateway/src/route-prefix';

/**
 * The gateway's OpenAPI document without any infrastructure: Nest's preview mode reads the
 * modules and controllers but instantiates no provider, so nothing connects anywhere.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const app = await NestFactory.create(GatewayModule, { preview: true, logger: false });
  applyRoutePrefix(app);
  const document = createOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
