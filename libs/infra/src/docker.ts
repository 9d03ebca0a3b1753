import { runCommand } from './probe';

/** True when a Docker engine answers (the client alone is not enough). */
export async function hasDockerEngine(): Promise<boolean> {
  const result = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], {
    timeoutMs: 5000,
  });
  return result.code === 0 && result.stdout.trim().length > 0;
}

export type DependencyName = 'mongodb' | 'rabbitmq' | 'redis';

const IMAGES: Record<DependencyName, { image: string; port: number; scheme: string }> = {
  mongodb: { image: 'mongo:7', port: 27017, scheme: 'mongodb' },
  rabbitmq: { image: 'rabbitmq:3.13-management', port: 5672, scheme: 'amqp' },
  redis: { image: 'redis:7', port: 6379, scheme: 'redis' },
};

export interface StartedContainer {
  url: string;
  id: string;
  stop(): Promise<void>;
}

/** Starts one dependency in a container with testcontainers (tests use this path). */
export async function startContainer(dependency: DependencyName): Promise<StartedContainer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const spec = IMAGES[dependency];
  const container = await new GenericContainer(spec.image)
    .withExposedPorts(spec.port)
    .withWaitStrategy(Wait.forListeningPorts())
    .start();
  const url = () => {
    const credentials = dependency === 'rabbitmq' ? 'guest:guest@' : '';
    return `${spec.scheme}://${credentials}${container.getHost()}:${container.getMappedPort(spec.port)}`;
  };
  return {
    url: url(),
    id: container.getId(),
    stop: async () => {
      await container.stop();
    },
  };
}

/** Starts the three dependencies of docker-compose.yml (the start command uses this path). */
export async function composeUp(services: DependencyName[], composeFile: string): Promise<void> {
  const names = services.map((service) => (service === 'mongodb' ? 'mongo' : service));
  const result = await runCommand(
    'docker',
    ['compose', '-f', composeFile, 'up', '-d', '--wait', ...names],
    { timeoutMs: 10 * 60_000 },
  );
  if (result.code !== 0) throw new Error(`docker compose up failed: ${result.stderr}`);
}

export async function composeStop(services: DependencyName[], composeFile: string): Promise<void> {
  const names = services.map((service) => (service === 'mongodb' ? 'mongo' : service));
  await runCommand('docker', ['compose', '-f', composeFile, 'stop', ...names], {
    timeoutMs: 120_000,
  });
}
