import { DEFAULT_HTTP_PORTS, SERVICE_NAMES, type ServiceName } from '@prepmate/contracts';
import { type Infrastructure, resolveInfrastructure } from '@prepmate/infra';
import { join, resolve } from 'node:path';
import { ServiceProcess } from './service-process';

const ROOT = resolve(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 15_000;

function say(line: string): void {
  process.stdout.write(`[start] ${line}\n`);
}

/**
 * `npm start`: provisions MongoDB, RabbitMQ and Redis (in the order the README gives), starts the
 * eight services as separate processes, waits until every one is ready, prints the gateway
 * and docs URLs, and on Ctrl-C / SIGTERM stops the services and then what it provisioned.
 */
async function main(): Promise<void> {
  const infrastructure = await resolveInfrastructure({
    purpose: 'start',
    dataDir: join(ROOT, '.local', 'start'),
    composeFile: join(ROOT, 'docker-compose.yml'),
    log: say,
  });
  const gatewayPort = Number(process.env.PORT ?? DEFAULT_HTTP_PORTS.gateway);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    MONGO_URL: infrastructure.mongodb.url,
    AMQP_URL: infrastructure.rabbitmq.url,
    REDIS_URL: infrastructure.redis.url,
  };
  // With PORT set, the services take the ports after it (PORT+1 …), so two systems can run
  // side by side; otherwise their defaults (3001 …).
  const portOf = (name: ServiceName) =>
    process.env.PORT
      ? gatewayPort + (DEFAULT_HTTP_PORTS[name] - DEFAULT_HTTP_PORTS.gateway)
      : DEFAULT_HTTP_PORTS[name];
  const services = SERVICE_NAMES.map(
    (name) =>
      new ServiceProcess(
        name,
        portOf(name),
        join(ROOT, 'dist', 'apps', name, 'src', 'main.js'),
        env,
      ),
  );

  let shuttingDown = false;
  const shutdown = async (reason: string, code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`${reason}: stopping the services`);
    await Promise.all(services.map((service) => service.stop(STOP_GRACE_MS)));
    say('stopping the infrastructure this command started');
    await infrastructure.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  for (const service of services) {
    service.onUnexpectedExit = (name, code) =>
      void shutdown(`${name} exited with code ${String(code)}`, 1);
    service.start();
  }
  await waitUntilReady(services, infrastructure);
  const gateway = `http://localhost:${gatewayPort}`;
  const health = await fetch(`${gateway}/api/v1/health`).then(
    (response) => response.json() as Promise<unknown>,
  );
  say(`all ${services.length} services are ready: ${JSON.stringify(health)}`);
  say(`gateway:  ${gateway}/api/v1`);
  say(`web:      ${gateway}/`);
  say(`API docs: ${gateway}/docs`);
  say('press Ctrl-C to stop');
}

async function waitUntilReady(
  services: ServiceProcess[],
  infrastructure: Infrastructure,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastReport = '';
  // A service that has answered ready once counts as ready: its readiness answers within
  // 100 ms or says no, so on a busy machine all eight rarely say yes in the same round.
  const ready = new Set<ServiceProcess>();
  while (Date.now() < deadline) {
    const pending = services.filter((service) => !ready.has(service));
    const answers = await Promise.all(pending.map((service) => service.readiness()));
    const waiting: string[] = [];
    pending.forEach((service, i) => {
      if (answers[i].ready) ready.add(service);
      else waiting.push(`${service.service} (${answers[i].reason})`);
    });
    if (waiting.length === 0) return;
    const report = `ready ${ready.size}/${services.length}; waiting for ${waiting.join(', ')}`;
    if (report !== lastReport) say(report);
    lastReport = report;
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
  await Promise.all(services.map((service) => service.stop(STOP_GRACE_MS)));
  await infrastructure.stop();
  throw new Error(`services not ready within ${READY_TIMEOUT_MS / 1000} s: ${lastReport}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[start] failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
