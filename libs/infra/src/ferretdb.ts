import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { commandExists, isPortOpen, runCommand } from './probe';
import { type ProgressLog, withProgress } from './progress';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

export type FerretDbBackend = 'postgresql' | 'sqlite';

/** Where built binaries are kept between runs, outside the repository, keyed by version. */
export function ferretDbCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'prepmate', 'ferretdb', FERRETDB_VERSION);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Builds FerretDB from its Go module, once per version and backend. A plain `go install`
 * builds a binary that panics at start (its version file is generated at release time), so
 * the module's source is copied to a writable folder, the version file written, and built.
 * The PostgreSQL-only build leaves SQLite out, which is several times faster.
 */
export async function ensureFerretDbBinary(
  backend: FerretDbBackend,
  log: ProgressLog,
): Promise<string> {
  const dir = join(ferretDbCacheDir(), backend);
  const binary = join(dir, 'ferretdb');
  if (await exists(binary)) {
    log(`FerretDB ${FERRETDB_VERSION} (${backend}): cached at ${binary}`);
    return binary;
  }
  if (!(await commandExists('go'))) {
    throw new Error(
      'FerretDB must be built, but Go is not installed (install Go ≥ 1.22, or set MONGO_URL)',
    );
  }
  await mkdir(dir, { recursive: true });
  const started = Date.now();
  const download = await withProgress(
    log,
    `downloading the FerretDB ${FERRETDB_VERSION} Go module`,
    runCommand('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      timeoutMs: 15 * 60_000,
    }),
  );
  if (download.code !== 0)
    throw new Error(`go mod download failed: ${download.stderr || download.stdout}`);
  const moduleDir = (JSON.parse(download.stdout) as { Dir: string }).Dir;
  const source = join(dir, `src-${process.pid}`);
  await rm(source, { recursive: true, force: true });
  await cp(moduleDir, source, { recursive: true });
  await runCommand('chmod', ['-R', 'u+w', source]);
  await writeFile(join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  const tags = backend === 'postgresql' ? ['-tags', 'ferretdb_no_sqlite'] : [];
  const partial = `${binary}.${process.pid}.partial`;
  const build = await withProgress(
    log,
    `building FerretDB ${FERRETDB_VERSION} (${backend} backend) with Go`,
    runCommand('go', ['build', '-buildvcs=false', ...tags, '-o', partial, './cmd/ferretdb'], {
      cwd: source,
      timeoutMs: 30 * 60_000,
      env: { ...process.env, CGO_ENABLED: '0' },
    }),
  );
  await rm(source, { recursive: true, force: true });
  if (build.code !== 0) throw new Error(`building FerretDB failed: ${build.stderr}`);
  await rename(partial, binary);
  log(
    `FerretDB ${FERRETDB_VERSION} (${backend}) built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${binary}`,
  );
  return binary;
}

export interface FerretDbServer {
  url: string;
  process: ManagedProcess;
}

/** The PostgreSQL FerretDB stores into (created if missing), or null when none is reachable. */
async function preparePostgres(log: ProgressLog): Promise<string | null> {
  const configured = process.env.FERRETDB_POSTGRESQL_URL;
  if (configured) return configured;
  if (!(await isPortOpen('127.0.0.1', 5432))) return null;
  const database = 'prepmate_ferretdb';
  if (await commandExists('createdb')) {
    const created = await runCommand('createdb', ['-h', '127.0.0.1', '-U', 'postgres', database]);
    if (created.code !== 0 && !/already exists/.test(created.stderr)) {
      log(`could not create PostgreSQL database ${database}: ${created.stderr.trim()}`);
      return null;
    }
  }
  // FerretDB holds one PostgreSQL connection per statement of a running command; its default
  // pool of 50 deadlocks under a few concurrent bulk updates. PostgreSQL allows 100.
  return `postgres://postgres@127.0.0.1:5432/${database}?pool_max_conns=${FERRETDB_POOL_MAX_CONNS}`;
}

const FERRETDB_POOL_MAX_CONNS = 80;

/**
 * Starts FerretDB on `port`: on the local PostgreSQL when one is reachable, else on SQLite
 * files under `dataDir`. Its log goes to `<dataDir>/ferretdb.log`.
 */
export async function startFerretDb(
  port: number,
  dataDir: string,
  log: ProgressLog,
): Promise<FerretDbServer> {
  await mkdir(dataDir, { recursive: true });
  const postgresUrl = await preparePostgres(log);
  const backend: FerretDbBackend = postgresUrl ? 'postgresql' : 'sqlite';
  const binary = await ensureFerretDbBinary(backend, log);
  const backendArgs = postgresUrl
    ? ['--handler=postgresql', `--postgresql-url=${postgresUrl}`]
    : ['--handler=sqlite', `--sqlite-url=file:${join(dataDir, 'sqlite')}/`];
  if (!postgresUrl) await mkdir(join(dataDir, 'sqlite'), { recursive: true });
  const args = [
    ...backendArgs,
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${dataDir}`,
    '--debug-addr=127.0.0.1:0',
    '--telemetry=disable',
    '--log-level=warn',
  ];
  const server = ManagedProcess.start('ferretdb', binary, args, join(dataDir, 'ferretdb.log'));
  await withProgress(
    log,
    `starting FerretDB on 127.0.0.1:${port} (${backend})`,
    server.listening('127.0.0.1', port, 30_000),
  );
  return { url: `mongodb://127.0.0.1:${port}`, process: server };
}
