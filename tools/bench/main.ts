/**
 * `npm run bench -- <name>`: runs a benchmark against real infrastructure (found or started
 * as for the tests), prints progress and numbers, and writes bench-results/<name>.json.
 * Names: advisory, aggregate-store, broker, gateway, growth, ingest, pipeline and synergy (all
 * but aggregate-store and broker need `npm run build`). Without a name, all.
 */
import 'reflect-metadata';
import { resolveInfrastructure } from '@prepmate/infra';
import { join, resolve } from 'node:path';
import { progress } from './bench-output';
import { stopRunningSystems } from './bench-processes';
import { advisoryBenchmark } from './advisory.bench';
import { aggregateStoreBenchmark } from './aggregate-store.bench';
import { brokerBenchmark } from './broker.bench';
import { gatewayBenchmark } from './gateway.bench';
import { growthBenchmark } from './growth.bench';
import { ingestBenchmark } from './ingest.bench';
import { pipelineBenchmark } from './pipeline.bench';
import { synergyBenchmark } from './synergy.bench';

const BENCHMARKS: Record<string, () => Promise<void>> = {
  advisory: advisoryBenchmark,
  'aggregate-store': aggregateStoreBenchmark,
  broker: brokerBenchmark,
  gateway: gatewayBenchmark,
  growth: growthBenchmark,
  ingest: ingestBenchmark,
  pipeline: pipelineBenchmark,
  synergy: synergyBenchmark,
};

/** What a signal must stop besides the benchmarks' systems: the infrastructure this run started. */
let stopInfrastructure: () => Promise<void> = () => Promise.resolve();

/** Set once a signal is stopping the run. */
let stopping = false;

/**
 * SIGINT or SIGTERM (Ctrl-C, `kill`) stops what the run started before exiting: without it the
 * services, and a FerretDB holding its 80 PostgreSQL connections, outlive the benchmark.
 */
function stopOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      progress(`${signal}: stopping the benchmark's services and infrastructure…`);
      void stopRunningSystems()
        .catch((error: Error) => progress(`stopping the services failed: ${error.message}`))
        .then(() => stopInfrastructure())
        .finally(() => process.exit(130));
    });
}

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0)
    throw new Error(
      `unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`,
    );
  const root = resolve(__dirname, '..', '..');
  const infrastructure = await resolveInfrastructure({
    purpose: 'test',
    dataDir: join(root, '.local', 'bench'),
    composeFile: join(root, 'docker-compose.yml'),
    log: progress,
  });
  stopInfrastructure = () => infrastructure.stop();
  process.env.MONGO_URL = infrastructure.mongodb.url;
  process.env.AMQP_URL = infrastructure.rabbitmq.url;
  process.env.REDIS_URL = infrastructure.redis.url;
  process.env.LOG_LEVEL ??= 'warn';
  // Queues of a killed benchmark run go away by themselves (see libs/testing's global setup).
  process.env.AMQP_QUEUE_EXPIRES_MS ??= String(30 * 60_000);
  try {
    for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) await BENCHMARKS[name]();
  } finally {
    await infrastructure.stop();
  }
}

stopOnSignals();
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    // A signal is stopping the run: the benchmark failed because its system went away.
    if (stopping) return;
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
