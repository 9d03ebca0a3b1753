import { REPO_ROOT, runCommand } from '@prepmate/testing';
import { runChaos } from '../../tools/chaos/chaos-run';

/**
 * The three cheapest scenarios of the fault suite (`npm run chaos`, docs/operations.md
 * "Fault suite"), at a smaller volume, so CI guards them: a service killed with SIGKILL
 * mid-import (normalization, aggregation) and a poison message among the import's batches.
 * Like the suite, on its own RabbitMQ, Redis and FerretDB (never the shared servers).
 */
describe('fault suite, cheapest scenarios', () => {
  const saved = {
    AMQP_URL: process.env.AMQP_URL,
    REDIS_URL: process.env.REDIS_URL,
    MONGO_URL: process.env.MONGO_URL,
  };

  beforeAll(async () => {
    const build = await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 600_000 });
    if (build.code !== 0) throw new Error(`npm run build failed: ${build.stderr || build.stdout}`);
  }, 620_000);

  afterAll(() => Object.assign(process.env, saved));

  it('loses nothing, counts nothing twice, recovers, and dead-letters only the poison message', async () => {
    const lines: string[] = [];
    const results = await runChaos({
      users: 4,
      perUser: 100,
      only: ['kill9-normalization', 'kill9-aggregation', 'poison-message'],
      dbOutageMs: 0,
      slowForMs: 0,
      convergeTimeoutMs: 180_000,
      log: (line) => {
        lines.push(line);
        process.stdout.write(`[chaos] ${line}\n`);
      },
    });
    expect(Object.keys(results).sort()).toEqual([
      'kill9-aggregation',
      'kill9-normalization',
      'poison-message',
    ]);
    for (const [name, result] of Object.entries(results))
      expect({ name, ...result }).toMatchObject({
        name,
        lost: 0,
        doubleCounted: 0,
        dlq: name === 'poison-message' ? 1 : 0,
        mismatchedUsers: 0,
        pciDelivered: true,
      });
    // Recovered, every scenario; how fast (the ≤ 60 s goal) is the fault suite's number
    // (`npm run chaos`, bench-results/chaos.json), not a timed assertion here.
    for (const result of Object.values(results)) expect(result.recoverySeconds).not.toBeNull();
  }, 1_500_000);
});
