import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { waitForPort } from './probe';
import { type ProgressLog, withProgress } from './progress';

/** A throwaway Redis (no persistence) on 127.0.0.1:port. */
export async function startRedisServer(
  port: number,
  dataDir: string,
  log: ProgressLog,
): Promise<ManagedProcess> {
  await mkdir(dataDir, { recursive: true });
  const server = ManagedProcess.start(
    'redis',
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dataDir,
    ],
    join(dataDir, 'redis.log'),
  );
  await withProgress(
    log,
    `starting redis-server on 127.0.0.1:${port}`,
    waitForPort('127.0.0.1', port, 20_000),
  );
  return server;
}

/** RabbitMQ in the foreground as our child, its data and logs under dataDir. */
export async function startRabbitMqServer(
  port: number,
  dataDir: string,
  log: ProgressLog,
): Promise<ManagedProcess> {
  const base = join(dataDir, 'rabbitmq');
  await mkdir(base, { recursive: true });
  const env = {
    ...process.env,
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_NODENAME: `prepmate-${port}@localhost`,
    RABBITMQ_MNESIA_BASE: join(base, 'mnesia'),
    RABBITMQ_LOG_BASE: join(base, 'log'),
    RABBITMQ_DIST_PORT: String(port + 20000),
  };
  const server = ManagedProcess.start(
    'rabbitmq',
    'rabbitmq-server',
    [],
    join(dataDir, 'rabbitmq.log'),
    env,
  );
  await withProgress(
    log,
    `starting rabbitmq-server on 127.0.0.1:${port}`,
    waitForPort('127.0.0.1', port, 90_000),
  );
  return server;
}
