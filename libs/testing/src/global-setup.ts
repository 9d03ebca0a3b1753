// Relative import: jest loads global setup outside the module name mapper.
import { resolveInfrastructure, type Infrastructure } from '../../infra/src';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { INFRA_FILE, REPO_ROOT, type InfraFile } from './infra-file';

/** Longer than any test file runs; a queue is only "unused" without consumers. */
const TEST_QUEUE_EXPIRES_MS = 15 * 60_000;

declare global {
  var __PREPMATE_INFRA__: Infrastructure | undefined;
}

/**
 * Jest global setup of the integration tests: real MongoDB (or FerretDB), RabbitMQ and
 * Redis, found or started in the order the README gives ("Two commands"); their URLs go into the environment
 * every test file inherits.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[test-infra] ${line}\n`);
  process.stdout.write('\n');
  const infrastructure = await resolveInfrastructure({
    purpose: 'test',
    dataDir: join(REPO_ROOT, '.local', 'test'),
    composeFile: join(REPO_ROOT, 'docker-compose.yml'),
    log,
  });
  globalThis.__PREPMATE_INFRA__ = infrastructure;
  process.env.MONGO_URL = infrastructure.mongodb.url;
  process.env.AMQP_URL = infrastructure.rabbitmq.url;
  process.env.REDIS_URL = infrastructure.redis.url;
  // Each test system declares its own queues (a prefix per run); those of a run killed before
  // cleaning up would pile up in the broker (hundreds of quorum queues wedge RabbitMQ 3.10).
  process.env.AMQP_QUEUE_EXPIRES_MS ??= String(TEST_QUEUE_EXPIRES_MS);
  const file: InfraFile = {
    mongoUrl: infrastructure.mongodb.url,
    amqpUrl: infrastructure.rabbitmq.url,
    redisUrl: infrastructure.redis.url,
    brokerRestartCommands: infrastructure.brokerRestartCommands,
  };
  await mkdir(dirname(INFRA_FILE), { recursive: true });
  await writeFile(INFRA_FILE, JSON.stringify(file, null, 2));
}
