import { amqpAnswers, isPortOpen, runCommand, startRabbitMqServer } from '@prepmate/infra';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The RabbitMQ that libs/infra starts when a machine has none on 5672 (the CI fallback):
 * it answers AMQP, the restart commands handed to the broker-restart test work on it, and a
 * stop leaves no process of it behind.
 */
describe('a local RabbitMQ started by libs/infra', () => {
  const port = 5699;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prepmate-rabbitmq-'));
    // As root the broker runs as the rabbitmq user, who must be able to enter the folder.
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers, restarts with its own commands and stops without leftovers', async () => {
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);
    const { server, restartCommands } = await startRabbitMqServer(port, dataDir, () => undefined);
    try {
      expect(await amqpAnswers('127.0.0.1', port, 15_000)).toBe(true);
      for (const [command, ...args] of restartCommands) {
        const result = await runCommand(command, args, { timeoutMs: 120_000 });
        expect({ command: args.at(-1), code: result.code, stderr: result.stderr }).toEqual({
          command: args.at(-1),
          code: 0,
          stderr: '',
        });
      }
      expect(await amqpAnswers('127.0.0.1', port, 15_000)).toBe(true);
    } finally {
      await server.stop(30_000);
    }
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);
    const leftovers = await runCommand('pgrep', ['-f', `prepmate-${port}@localhost`]);
    expect(leftovers.stdout).toBe('');
  });
});
