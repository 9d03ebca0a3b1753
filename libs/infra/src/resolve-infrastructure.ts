import { join } from 'node:path';
import {
  composeStop,
  composeUp,
  type DependencyName,
  hasDockerEngine,
  startContainer,
} from './docker';
import { startFerretDb } from './ferretdb';
import { startRabbitMqServer, startRedisServer } from './local-servers';
import { amqpAnswers, commandExists, hostPortOf, isPortOpen, runCommand } from './probe';
import { type ProgressLog, withProgress } from './progress';

/** How a dependency was found: the order the README gives ("Two commands"). */
export type InfrastructureSource =
  'environment' | 'standard-port' | 'container' | 'compose' | 'local-server';

export interface ResolvedDependency {
  url: string;
  source: InfrastructureSource;
  /** What provides it, for the logs ("FerretDB v1.24.2 on PostgreSQL", "redis-server", ...). */
  provider: string;
}

export interface Infrastructure {
  mongodb: ResolvedDependency;
  rabbitmq: ResolvedDependency;
  redis: ResolvedDependency;
  /**
   * Commands that stop and start the broker with its data (for tests of reconnection), or
   * null where this machine cannot (a remote AMQP_URL). Plain data, so a test process can
   * run them from the file the test setup writes.
   */
  brokerRestartCommands: string[][] | null;
  /** Stops what this call started; leaves alone what it found running. */
  stop(): Promise<void>;
}

export interface ResolveOptions {
  /** Containers come from testcontainers for tests and from docker compose for `npm start`. */
  purpose: 'test' | 'start';
  /** Folder for the data and logs of servers started here (git-ignored). */
  dataDir: string;
  /** docker-compose.yml, for the compose path. */
  composeFile: string;
  log: ProgressLog;
  env?: NodeJS.ProcessEnv;
}

const DEPENDENCIES: Record<DependencyName, { env: string; port: number; url: string }> = {
  mongodb: { env: 'MONGO_URL', port: 27017, url: 'mongodb://127.0.0.1:27017' },
  rabbitmq: { env: 'AMQP_URL', port: 5672, url: 'amqp://guest:guest@127.0.0.1:5672' },
  redis: { env: 'REDIS_URL', port: 6379, url: 'redis://127.0.0.1:6379' },
};

const HOW_TO_INSTALL: Record<DependencyName, string> = {
  mongodb:
    'set MONGO_URL, start MongoDB on 127.0.0.1:27017, start a Docker engine, or install Go (FerretDB is then built) with PostgreSQL',
  rabbitmq:
    'set AMQP_URL, start RabbitMQ on 127.0.0.1:5672, start a Docker engine, or install rabbitmq-server',
  redis:
    'set REDIS_URL, start Redis on 127.0.0.1:6379, start a Docker engine, or install redis-server',
};

/**
 * Finds or provides MongoDB, RabbitMQ and Redis, each in this order: a URL from the
 * environment; the service on its standard localhost port; a Docker engine (testcontainers
 * or docker compose); a local server started here (FerretDB built from Go modules,
 * rabbitmq-server, redis-server); otherwise an error that says what to install or set.
 */
export async function resolveInfrastructure(options: ResolveOptions): Promise<Infrastructure> {
  const env = options.env ?? process.env;
  const stops: Array<() => Promise<void>> = [];
  let brokerRestartCommands: string[][] | null = null;
  let docker: boolean | undefined;
  const dockerAvailable = async () => (docker ??= await hasDockerEngine());

  async function resolve(name: DependencyName): Promise<ResolvedDependency> {
    const spec = DEPENDENCIES[name];
    const fromEnv = env[spec.env];
    if (fromEnv) {
      const { host, port } = hostPortOf(fromEnv, spec.port);
      if (!(await isPortOpen(host, port, 2000)))
        throw new Error(`${spec.env}=${fromEnv} is set, but nothing answers on ${host}:${port}`);
      return { url: fromEnv, source: 'environment', provider: spec.env };
    }
    if (await isPortOpen('127.0.0.1', spec.port)) {
      if (name === 'rabbitmq') await ensureBrokerAnswers(spec.port, options.log);
      return { url: spec.url, source: 'standard-port', provider: `127.0.0.1:${spec.port}` };
    }
    if (await dockerAvailable()) {
      if (options.purpose === 'test') {
        options.log(`${name}: starting a container`);
        const container = await startContainer(name);
        stops.push(() => container.stop());
        if (name === 'rabbitmq') brokerRestartCommands = [['docker', 'restart', container.id]];
        return { url: container.url, source: 'container', provider: 'testcontainers' };
      }
      options.log(`${name}: docker compose up`);
      await composeUp([name], options.composeFile);
      stops.push(() => composeStop([name], options.composeFile));
      // docker-compose.yml gives the broker its own user instead of guest/guest.
      const url =
        name === 'rabbitmq'
          ? `amqp://prepmate:${encodeURIComponent(env.RABBITMQ_PASSWORD || 'prepmate-local')}@127.0.0.1:5672`
          : spec.url;
      return { url, source: 'compose', provider: 'docker compose' };
    }
    return startLocal(name);
  }

  async function startLocal(name: DependencyName): Promise<ResolvedDependency> {
    const spec = DEPENDENCIES[name];
    const dir = join(options.dataDir, name);
    if (name === 'mongodb' && (await commandExists('go'))) {
      const server = await startFerretDb(spec.port, dir, options.log);
      stops.push(() => server.process.stop());
      return { url: server.url, source: 'local-server', provider: 'FerretDB' };
    }
    if (name === 'redis' && (await commandExists('redis-server'))) {
      const server = await startRedisServer(spec.port, dir, options.log);
      stops.push(() => server.stop());
      return { url: spec.url, source: 'local-server', provider: 'redis-server' };
    }
    if (name === 'rabbitmq' && (await commandExists('rabbitmq-server'))) {
      const { server, restartCommands } = await startRabbitMqServer(spec.port, dir, options.log);
      stops.push(() => server.stop(30_000));
      brokerRestartCommands = restartCommands;
      return { url: spec.url, source: 'local-server', provider: 'rabbitmq-server' };
    }
    throw new Error(`${name} is not available: ${HOW_TO_INSTALL[name]}`);
  }

  try {
    const rabbitmq = await resolve('rabbitmq');
    const redis = await resolve('redis');
    const mongodb = await resolve('mongodb');
    for (const [name, dependency] of Object.entries({ mongodb, rabbitmq, redis })) {
      options.log(
        `${name}: ${redact(dependency.url)} (${dependency.source}: ${dependency.provider})`,
      );
    }
    return {
      mongodb,
      rabbitmq,
      redis,
      brokerRestartCommands:
        brokerRestartCommands ??
        (isLocal(rabbitmq.url) && (await commandExists('rabbitmqctl'))
          ? rabbitmqctlRestart()
          : null),
      stop: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

/**
 * RabbitMQ 3.10 on a machine whose broker went through thousands of quorum queues can wedge:
 * TCP connections are accepted, the AMQP handshake never completes, and every test would
 * time out. When the broker on the standard port is this machine's own service and we may
 * restart it (root, `rabbitmq-server` installed), we do, saying so; otherwise we stop with
 * what to do.
 */
async function ensureBrokerAnswers(port: number, log: ProgressLog): Promise<void> {
  // A loaded machine (other test runs, a broker replaying its queues at boot) can take a while
  // to answer: only a broker silent for a whole minute is treated as wedged and restarted.
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await amqpAnswers('127.0.0.1', port, 15_000)) return;
    log(`rabbitmq: 127.0.0.1:${port} has not answered AMQP yet (attempt ${attempt + 1} of 4)`);
  }
  const canRestart = process.getuid?.() === 0 && (await commandExists('rabbitmq-server'));
  if (!canRestart)
    throw new Error(
      `RabbitMQ on 127.0.0.1:${port} accepts connections but does not answer AMQP (wedged); restart it`,
    );
  log(`rabbitmq: 127.0.0.1:${port} accepts connections but does not answer AMQP; restarting it`);
  await runCommand('pkill', ['-9', '-f', 'beam.smp.*-s rabbit boot']);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await runCommand('rabbitmq-server', ['-detached'], { timeoutMs: 60_000 });
  await withProgress(
    log,
    `restarting rabbitmq-server on 127.0.0.1:${port}`,
    (async () => {
      const deadline = Date.now() + 180_000;
      while (!(await amqpAnswers('127.0.0.1', port, 5_000))) {
        if (Date.now() > deadline)
          throw new Error(`RabbitMQ did not come back on 127.0.0.1:${port}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })(),
  );
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  stops.length = 0;
}

function isLocal(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '::1';
}

/** `rabbitmqctl stop_app` then `start_app`: the machine's broker goes away and comes back with its data. */
function rabbitmqctlRestart(): string[][] {
  return [
    ['rabbitmqctl', 'stop_app'],
    ['rabbitmqctl', 'start_app'],
  ];
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
