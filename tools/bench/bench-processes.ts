import type { ServiceName } from '@prepmate/contracts';
import {
  deleteSystemTopology,
  dropDatabasesWithPrefix,
  eventually,
  freePortBlock,
  isolatedEnv,
  REPO_ROOT,
} from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

/** Where the services of a benchmark write their logs (one file per service, replaced each run). */
export const BENCH_LOG_DIR = join(REPO_ROOT, '.local', 'bench', 'logs');

/**
 * Starts `node <args>` from the repository root; its log (stdout) goes to
 * `BENCH_LOG_DIR/<name>.log` and its stderr is shown with a name prefix. With
 * `BENCH_CPU_PROFILE_DIR` set, each process writes a V8 CPU profile there when it stops
 * (`<name>.cpuprofile`, which Chrome DevTools opens).
 */
export function startProcess(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { append = false }: { append?: boolean } = {},
): ChildProcess {
  mkdirSync(BENCH_LOG_DIR, { recursive: true });
  const log = openSync(join(BENCH_LOG_DIR, `${name}.log`), append ? 'a' : 'w');
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profile, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, 'pipe'],
  });
  closeSync(log);
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[${name}] ${chunk.toString()}`),
  );
  return child;
}

/**
 * Resolves once `url` answers 2xx (the polling of libs/testing's `eventually`); on timeout
 * the error carries the last answer (a readiness report names the dependency that is down).
 */
export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    () =>
      fetch(url).then(
        async (response) =>
          response.ok ? 'ok' : `HTTP ${response.status} ${(await response.text()).slice(0, 500)}`,
        (error: Error) => `no answer (${error.message})`,
      ),
    (answer) => answer === 'ok',
    { timeoutMs, intervalMs: 250, what: `${url} to answer` },
  );
}

/** SIGTERM to those still running, resolved once all have exited (safe to call twice). */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => once(child, 'exit'));
  for (const child of running) child.kill('SIGTERM');
  await Promise.all(exited);
}

export interface BenchSystem {
  readonly exchange: string;
  /** Prefix of this system's queues, databases and Redis keys. */
  readonly prefix: string;
  /** The gateway's origin, e.g. `http://127.0.0.1:5600`. */
  readonly origin: string;
  /** The processes, the system's and any a benchmark adds (stopped with the system). */
  readonly children: ChildProcess[];
  /** The process of each service as started (a restart through `spawn` replaces it). */
  readonly processes: Map<string, ChildProcess>;
  /** The HTTP port of each service as started (the gateway's is the origin's). */
  readonly ports: ReadonlyMap<string, number>;
  /**
   * Starts one more process of `service` (a restart on its own port, or a replica on another),
   * added to `children`; resolves once it is ready.
   */
  spawn(service: ServiceName | 'gateway', port?: number): Promise<ChildProcess>;
  /** Stops the processes and deletes the system's queues, exchanges and databases. */
  stop(): Promise<void>;
}

/** The systems started and not yet stopped (stopped by `stopRunningSystems` on a signal). */
const running = new Set<BenchSystem>();

/**
 * Stops every system still running: what a benchmark interrupted by SIGINT or SIGTERM left
 * (its services, queues and databases), as its own `finally` would have.
 */
export async function stopRunningSystems(): Promise<void> {
  await Promise.all([...running].map((system) => system.stop()));
}

/**
 * Starts the built gateway and `services`, each its own process as in production, isolated
 * from other systems on the same broker and databases, and resolves once all are ready.
 * `env` adds to or overrides the common settings (development keys, generous rate limits).
 */
export async function startBenchSystem(
  name: string,
  services: readonly ServiceName[],
  env: Record<string, string> = {},
): Promise<BenchSystem> {
  if (!existsSync(join(REPO_ROOT, 'dist/apps/gateway/src/main.js')))
    throw new Error('run `npm run build` first (the benchmark starts the built services)');
  const { AMQP_EXCHANGE, prefix } = isolatedEnv(name);
  // The gateway, the services, then the gateway's ops port (readiness and metrics).
  const base = await freePortBlock(services.length + 2);
  const opsPort = base + services.length + 1;
  const systemEnv = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    MONGO_DB_PREFIX: prefix,
    REDIS_KEY_PREFIX: `${prefix}:`,
    // quiet by default; LOG_LEVEL=info npm run bench -- … shows what each service did
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    NODE_ENV: 'development',
    JWT_DEV_KEYS_DIR: join(REPO_ROOT, '.local', 'bench', 'keys'),
    INTEGRATION_DEV_KEY_FILE: join(REPO_ROOT, '.local', 'bench', 'integration-key'),
    RATE_LIMIT_USER_PER_MINUTE: '100000',
    // The benchmarks fill the catalog through one user's imports (2 000 new problems each).
    NEW_PROBLEMS_PER_USER_PER_DAY: '1000000',
    ...env,
  };
  const ports = ['gateway' as const, ...services].map((service, i) => ({
    service,
    port: base + i,
  }));
  const startService = (service: string, port: number, logName = service, append = false) =>
    startProcess(
      logName,
      [`dist/apps/${service}/src/main.js`],
      {
        ...systemEnv,
        HTTP_PORT: String(port),
        ...(service === 'gateway' ? { OPS_PORT: String(opsPort) } : {}),
      },
      { append },
    );
  const readyUrl = (service: string, port: number) =>
    `http://127.0.0.1:${service === 'gateway' ? opsPort : port}/health/ready`;
  const children = ports.map(({ service, port }) => startService(service, port));
  const processes = new Map(ports.map(({ service }, i) => [service as string, children[i]]));
  const portOf = new Map(ports.map(({ service, port }) => [service as string, port]));
  let spawned = 0;
  const system: BenchSystem = {
    exchange: AMQP_EXCHANGE,
    prefix,
    origin: `http://127.0.0.1:${base}`,
    children,
    processes,
    ports: portOf,
    async spawn(service, port) {
      const own = port === undefined || port === portOf.get(service);
      const child = startService(
        service,
        port ?? portOf.get(service)!,
        own ? service : `${service}-${++spawned}`,
        true,
      );
      children.push(child);
      if (own) processes.set(service, child);
      await waitFor(readyUrl(service, port ?? portOf.get(service)!), 120_000);
      return child;
    },
    async stop() {
      running.delete(system);
      await stopProcesses(children);
      // quorum queues left behind pile up in the broker across runs, databases in PostgreSQL
      await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
      if (process.env.MONGO_URL) await dropDatabasesWithPrefix(process.env.MONGO_URL, prefix);
    },
  };
  running.add(system);
  try {
    for (const { service, port } of ports)
      await waitFor(readyUrl(service, port), 90_000).catch((error: Error) => {
        throw new Error(`${service} did not get ready: ${error.message}`);
      });
  } catch (error) {
    await system.stop();
    throw error;
  }
  return system;
}
