import {
  amqpAnswers,
  type FerretDbServer,
  isPortOpen,
  runCommand,
  startFerretDb,
  startRabbitMqServer,
  startRedisServer,
  waitForPort,
} from '@prepmate/infra';
import { freePortBlock } from '@prepmate/testing';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The fault suite's own RabbitMQ node, Redis and FerretDB (with its own PostgreSQL database),
 * on ports of their own: the suite restarts, flushes and stops them, so it never uses the
 * machine's shared servers (docs/operations.md "Fault suite").
 */
export interface ChaosInfra {
  amqpUrl: string;
  redisUrl: string;
  mongoUrl: string;
  /** `rabbitmqctl stop_app` then `start_app` on our node: the broker goes and comes back with its data. */
  restartBroker(): Promise<void>;
  /** SIGTERM to our redis-server, then started again on its append-only file (data kept). */
  restartRedis(): Promise<void>;
  /** FLUSHALL on our Redis: every job, scheduler and key gone. */
  flushRedis(): Promise<void>;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  /**
   * Times our broker vanished without us stopping it and was started again: on a shared
   * machine another tool's "restart a wedged broker" (`pkill -9 -f 'beam.smp.*-s rabbit boot'`)
   * kills every RabbitMQ node, ours included. A scenario during which this happened measured
   * a broker crash besides its own fault.
   */
  readonly brokerKilledFromOutside: number;
  /** Stops the three and deletes their data (and the PostgreSQL database). */
  stop(): Promise<void>;
}

export async function startChaosInfra(log: (line: string) => void): Promise<ChaosInfra> {
  if (!(await isPortOpen('127.0.0.1', 5432)))
    throw new Error('the fault suite needs PostgreSQL on 127.0.0.1:5432 for its own FerretDB');
  const dataDir = await mkdtemp(join(tmpdir(), 'prepmate-chaos-'));
  // As root the broker runs as the rabbitmq user, who must be able to enter the folder.
  await chmod(dataDir, 0o755);
  // The broker's distribution port is its AMQP port + 20000: both must be free.
  const brokerPort = await freePortBlock(1, 25_700, 29_000);
  const redisPort = await freePortBlock(1, 29_100, 29_900);
  const ferretPort = await freePortBlock(1, 30_100, 30_900);
  const postgresDatabase = `prepmate_chaos_${process.pid}`;
  let broker = await startRabbitMqServer(brokerPort, dataDir, log);
  let brokerBusy = false;
  let killedFromOutside = 0;
  const watchdog = setInterval(() => {
    if (brokerBusy) return;
    brokerBusy = true;
    void (async () => {
      if (await isPortOpen('127.0.0.1', brokerPort, 2000)) return;
      killedFromOutside += 1;
      log('our RabbitMQ node is gone (killed from outside); starting it again on its data');
      await broker.server.stop(5000).catch(() => undefined);
      broker = await startRabbitMqServer(brokerPort, dataDir, log);
    })()
      .catch((error: Error) => log(`could not start our RabbitMQ again: ${error.message}`))
      .finally(() => (brokerBusy = false));
  }, 5000);
  const redisDir = join(dataDir, 'redis');
  let redis: Awaited<ReturnType<typeof startRedisServer>> = await startRedisServer(
    redisPort,
    redisDir,
    log,
    {
      appendOnly: true,
    },
  );
  const ferretDir = join(dataDir, 'ferretdb');
  const startFerret = () =>
    startFerretDb(ferretPort, ferretDir, log, { postgresDatabase, postgresPoolMaxConns: 30 });
  let ferret: FerretDbServer | null = await startFerret();
  const ctl = async (command: string[]) => {
    const [bin, ...args] = command;
    const result = await runCommand(bin, args, { timeoutMs: 180_000 });
    if (result.code !== 0) throw new Error(`${args.at(-1)} failed: ${result.stderr}`);
  };
  return {
    amqpUrl: `amqp://guest:guest@127.0.0.1:${brokerPort}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    mongoUrl: ferret.url,
    get brokerKilledFromOutside() {
      return killedFromOutside;
    },
    async restartBroker() {
      while (brokerBusy) await new Promise((resolve) => setTimeout(resolve, 200));
      brokerBusy = true;
      try {
        for (const command of broker.restartCommands) await ctl(command);
        const deadline = Date.now() + 120_000;
        while (!(await amqpAnswers('127.0.0.1', brokerPort, 5000)))
          if (Date.now() > deadline) throw new Error('our RabbitMQ did not come back');
      } finally {
        brokerBusy = false;
      }
    },
    async restartRedis() {
      await redis.stop();
      redis = await startRedisServer(redisPort, redisDir, log, { appendOnly: true });
    },
    async flushRedis() {
      const result = await runCommand('redis-cli', ['-p', String(redisPort), 'FLUSHALL']);
      if (result.code !== 0) throw new Error(`FLUSHALL failed: ${result.stderr}`);
    },
    async stopDatabase() {
      await ferret?.process.stop();
      ferret = null;
    },
    async startDatabase() {
      ferret ??= await startFerret();
      await waitForPort('127.0.0.1', ferretPort, 30_000);
    },
    async stop() {
      clearInterval(watchdog);
      await ferret?.process.stop().catch(() => undefined);
      await redis.stop().catch(() => undefined);
      await broker.server.stop(30_000).catch(() => undefined);
      await runCommand('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', postgresDatabase]);
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
    },
  };
}
