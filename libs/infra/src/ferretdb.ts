import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { FERRETDB_SCALAR_FIELDS } from './ferretdb-scalar-fields';
import { ManagedProcess } from './managed-process';
import { commandExists, isPortOpen, runCommand } from './probe';
import { type ProgressLog, withProgress } from './progress';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

export type FerretDbBackend = 'postgresql' | 'sqlite';

const FERRETDB_POOL_MAX_CONNS = 80;

/**
 * The patches applied to FerretDB's source before it is built (`libs/infra/ferretdb/*.patch`,
 * in name order; see docs/architecture.md "FerretDB notes"). Found by walking up from this
 * file, so the compiled copy under `dist/` finds them too.
 */
export function ferretDbPatchDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'libs', 'infra', 'ferretdb');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`libs/infra/ferretdb not found above ${__dirname}`);
    dir = parent;
  }
}

export interface FerretDbPatches {
  /** Absolute paths, in the order they are applied. */
  files: string[];
  /** First 12 hex digits of the SHA-256 of every patch's name and content: part of the cache key. */
  hash: string;
}

export async function readFerretDbPatches(dir = ferretDbPatchDir()): Promise<FerretDbPatches> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.patch')).sort();
  const digest = createHash('sha256');
  for (const name of names) {
    digest.update(`${name}\0`);
    digest.update(await readFile(join(dir, name)));
    digest.update('\0');
  }
  return { files: names.map((name) => join(dir, name)), hash: digest.digest('hex').slice(0, 12) };
}

/**
 * Where built binaries are kept between runs, outside the repository: keyed by version and,
 * for a patched build, by the hash of its patches (so a changed patch is a new build and
 * a stock build is never overwritten).
 */
export function ferretDbCacheDir(patchHash: string | null = null): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const key = patchHash ? `${FERRETDB_VERSION}-patched-${patchHash}` : FERRETDB_VERSION;
  return join(base, 'prepmate', 'ferretdb', key);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Applies one patch to the source folder with `git apply` (git is needed for the
 * repository anyway), or `patch` where git is missing. GIT_CEILING_DIRECTORIES keeps git
 * from finding a repository around the folder, where it would apply paths from that
 * repository's root.
 */
async function applyPatch(source: string, patchFile: string): Promise<void> {
  const viaGit = await commandExists('git');
  if (!viaGit && !(await commandExists('patch')))
    throw new Error('patching FerretDB needs git or patch: install one of them, or set MONGO_URL');
  const result = viaGit
    ? await runCommand('git', ['apply', '-p1', '--whitespace=nowarn', patchFile], {
        cwd: source,
        env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(source) },
      })
    : await runCommand('patch', ['-p1', '--forward', '--batch', '-i', patchFile], {
        cwd: source,
      });
  if (result.code !== 0)
    throw new Error(`applying ${patchFile} to FerretDB failed: ${result.stderr || result.stdout}`);
}

export interface FerretDbBuildOptions {
  /** false builds the stock module (kept for tests that compare it with the patched one). */
  patched?: boolean;
}

/**
 * Builds FerretDB from its Go module, once per version, patch set and backend. A plain
 * `go install` builds a binary that panics at start (its version file is generated at
 * release time), so the module's source is copied to a writable folder, the version file
 * written, the patches applied, and built. The PostgreSQL-only build leaves SQLite out,
 * which is several times faster.
 */
export async function ensureFerretDbBinary(
  backend: FerretDbBackend,
  log: ProgressLog,
  options: FerretDbBuildOptions = {},
): Promise<string> {
  const patches =
    options.patched === false ? { files: [], hash: null } : await readFerretDbPatches();
  const label = patches.hash
    ? `${FERRETDB_VERSION} + ${patches.files.length} patch(es)`
    : FERRETDB_VERSION;
  const dir = join(ferretDbCacheDir(patches.hash), backend);
  const binary = join(dir, 'ferretdb');
  if (await exists(binary)) {
    log(`FerretDB ${label} (${backend}): cached at ${binary}`);
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
  try {
    await cp(moduleDir, source, { recursive: true });
    await runCommand('chmod', ['-R', 'u+w', source]);
    await writeFile(join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    for (const file of patches.files) {
      await applyPatch(source, file);
      log(`FerretDB: applied ${basename(file)}`);
    }
    const tags = backend === 'postgresql' ? ['-tags', 'ferretdb_no_sqlite'] : [];
    const partial = `${binary}.${process.pid}.partial`;
    const build = await withProgress(
      log,
      `building FerretDB ${label} (${backend} backend) with Go`,
      runCommand('go', ['build', '-buildvcs=false', ...tags, '-o', partial, './cmd/ferretdb'], {
        cwd: source,
        timeoutMs: 30 * 60_000,
        env: { ...process.env, CGO_ENABLED: '0' },
      }),
    );
    if (build.code !== 0) throw new Error(`building FerretDB failed: ${build.stderr}`);
    await rename(partial, binary);
  } finally {
    await rm(source, { recursive: true, force: true });
  }
  log(
    `FerretDB ${label} (${backend}) built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${binary}`,
  );
  return binary;
}

export interface FerretDbServer {
  url: string;
  process: ManagedProcess;
}

/** The PostgreSQL FerretDB stores into (created if missing), or null when none is reachable. */
async function preparePostgres(
  log: ProgressLog,
  database = 'prepmate_ferretdb',
  poolMaxConns = FERRETDB_POOL_MAX_CONNS,
): Promise<string | null> {
  const configured = process.env.FERRETDB_POSTGRESQL_URL;
  if (configured) return configured;
  if (!(await isPortOpen('127.0.0.1', 5432))) return null;
  if (await commandExists('createdb')) {
    const created = await runCommand('createdb', ['-h', '127.0.0.1', '-U', 'postgres', database]);
    if (created.code !== 0 && !/already exists/.test(created.stderr)) {
      log(`could not create PostgreSQL database ${database}: ${created.stderr.trim()}`);
      return null;
    }
  }
  // FerretDB holds one PostgreSQL connection per statement of a running command; its default
  // pool of 50 deadlocks under a few concurrent bulk updates. PostgreSQL allows 100.
  return `postgres://postgres@127.0.0.1:5432/${database}?pool_max_conns=${poolMaxConns}`;
}

export interface StartFerretDbOptions extends FerretDbBuildOptions {
  /** PostgreSQL database FerretDB stores into (default `prepmate_ferretdb`). */
  postgresDatabase?: string;
  /** Its PostgreSQL connection pool (default 80; PostgreSQL allows 100 in all). */
  postgresPoolMaxConns?: number;
}

/**
 * Starts FerretDB on `port`: on the local PostgreSQL when one is reachable, else on SQLite
 * files under `dataDir`. Its log goes to `<dataDir>/ferretdb.log`.
 */
export async function startFerretDb(
  port: number,
  dataDir: string,
  log: ProgressLog,
  options: StartFerretDbOptions = {},
): Promise<FerretDbServer> {
  await mkdir(dataDir, { recursive: true });
  const postgresUrl = await preparePostgres(
    log,
    options.postgresDatabase,
    options.postgresPoolMaxConns,
  );
  const backend: FerretDbBackend = postgresUrl ? 'postgresql' : 'sqlite';
  const binary = await ensureFerretDbBinary(backend, log, options);
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
  // Read by scalar-field-pushdown.patch (ignored by a stock build).
  const env = { ...process.env, FERRETDB_PREPMATE_SCALAR_FIELDS: FERRETDB_SCALAR_FIELDS.join(',') };
  const server = ManagedProcess.start('ferretdb', binary, args, join(dataDir, 'ferretdb.log'), env);
  await withProgress(
    log,
    `starting FerretDB on 127.0.0.1:${port} (${backend})`,
    server.listening('127.0.0.1', port, 30_000),
  );
  return { url: `mongodb://127.0.0.1:${port}`, process: server };
}
