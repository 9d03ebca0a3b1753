import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * A list answer as it really is on the wire: `{ items: T[], nextCursor }` (cursor-paginated)
 * or `{ items: T[] }`, so clients generated from docs/openapi.json read `items`, not an array.
 */
export function ApiPageResponse(
  model: Type<unknown>,
  options: { description?: string; cursor?: boolean } = {},
): MethodDecorator & ClassDecorator {
  const cursor = options.cursor ?? true;
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description: options.description,
      schema: {
        type: 'object',
        required: cursor ? ['items', 'nextCursor'] : ['items'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          ...(cursor
            ? {
                nextCursor: {
                  type: 'string',
                  nullable: true,
                  description: 'pass as `cursor` for the next page; null on the last one',
                },
              }
            : {}),
        },
      },
    }),
  );
}
