import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document, built from the same DTOs that validate requests. `npm run docs`
 * exports it to `docs/openapi.json` (checked in CI, so the file cannot drift from the code).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('PrepMate API')
    .setDescription(
      'The public REST API of PrepMate. Errors: { "error": { code, message, field?, details?, requestId } }. ' +
        'Product rules: docs/product.md; events: docs/events.md.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the document: UI at /docs, JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
