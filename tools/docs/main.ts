import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { renderErrorCatalogue } from './error-catalogue';
import { renderEventCatalogue } from './event-catalogue';
import { renderOpenApiDocument } from './openapi-document';

/**
 * `npm run docs` writes the generated reference pages; `npm run docs -- --check` (CI) fails,
 * naming the file, when a committed page differs from what the code generates.
 */
const DOCS = join(__dirname, '../../docs');

interface GeneratedDoc {
  file: string;
  parser: 'markdown' | 'json';
  render: () => Promise<string> | string;
}

const GENERATED: GeneratedDoc[] = [
  { file: 'events.md', parser: 'markdown', render: renderEventCatalogue },
  { file: 'errors.md', parser: 'markdown', render: renderErrorCatalogue },
  { file: 'openapi.json', parser: 'json', render: renderOpenApiDocument },
];

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const doc of GENERATED) {
    const path = join(DOCS, doc.file);
    process.stdout.write(`docs: generating ${doc.file}…\n`);
    const options = (await resolveConfig(path)) ?? {};
    const text = await format(await doc.render(), {
      ...options,
      parser: doc.parser,
      filepath: path,
    });
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === text) {
      process.stdout.write(`docs: ${doc.file} is up to date\n`);
    } else if (check) {
      stale.push(doc.file);
    } else {
      await writeFile(path, text);
      process.stdout.write(`docs: wrote ${doc.file}\n`);
    }
  }
  if (stale.length > 0) {
    process.stderr.write(
      `docs: ${stale.join(', ')} differ from what the code generates: run \`npm run docs\` and commit\n`,
    );
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`docs: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
