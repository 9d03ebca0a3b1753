import { FERRETDB_SCALAR_FIELDS } from '@prepmate/infra';
import { Schema } from 'mongoose';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The fields FerretDB is told are scalar (libs/infra/src/ferretdb-scalar-fields.ts) must hold
 * one value wherever a schema declares them: the patched FerretDB answers equality on them
 * with a jsonb `=`, which misses a document whose field is an array holding the value.
 */
const ROOT = join(__dirname, '..', '..');

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' ? [] : schemaFiles(path);
    return /\.schemas?\.ts$/.test(entry.name) ? [path] : [];
  });
}

interface FoundSchema {
  where: string;
  schema: Schema;
}

async function loadSchemas(): Promise<FoundSchema[]> {
  const files = [...schemaFiles(join(ROOT, 'apps')), ...schemaFiles(join(ROOT, 'libs'))];
  const modules = await Promise.all(
    files.map(async (file) => ({ file, exports: (await import(file)) as Record<string, unknown> })),
  );
  return modules.flatMap(({ file, exports }) =>
    Object.entries(exports)
      .filter((entry): entry is [string, Schema] => entry[1] instanceof Schema)
      .map(([name, schema]) => ({ where: `${relative(ROOT, file)} ${name}`, schema })),
  );
}

describe('the fields FerretDB pushes equality down for', () => {
  let schemas: FoundSchema[] = [];

  beforeAll(async () => {
    schemas = await loadSchemas();
  });

  it('finds the schemas of every service', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(30);
  });

  it.each(FERRETDB_SCALAR_FIELDS)('%s holds a single value in every schema', (field) => {
    const declared = schemas
      .map(({ where, schema }) => ({ where, type: schema.path(field)?.instance }))
      .filter((found) => found.type !== undefined);
    expect(declared.length).toBeGreaterThan(0);
    for (const found of declared) expect(found).toEqual({ where: found.where, type: 'String' });
  });
});
