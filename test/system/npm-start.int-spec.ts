import {
  deleteSystemTopology,
  eventually,
  freePortBlock,
  isolatedEnv,
  REPO_ROOT,
  runCommand,
} from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';

/**
 * The one-command start, as a newcomer runs it: build, provision, eight processes, a healthy
 * gateway, and a clean stop on SIGTERM. Isolated by port, exchange, queue prefix and
 * database prefix, so it can run beside a developer's own `npm start`.
 */
describe('npm start', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('start');
  let port = 0;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    // The gateway takes PORT, the seven services the ports after it.
    port = await freePortBlock(8);
    const build = await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 300_000 });
    if (build.code !== 0) throw new Error(`npm run build failed: ${build.stderr || build.stdout}`);
  });

  afterAll(async () => {
    // The whole process group: npm start and the eight services it started (a failed test
    // must not leave them running).
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  it('starts all eight services behind a healthy gateway and stops them on SIGTERM', async () => {
    child = spawn(process.execPath, ['dist/tools/start/main.js'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        AMQP_EXCHANGE,
        AMQP_QUEUE_PREFIX: `${prefix}.`,
        MONGO_DB_PREFIX: prefix,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child!.once('exit', (code) => resolve(code)),
    );

    // Below the test's own timeout, so a slow start fails with what npm start printed.
    const deadline = Date.now() + 150_000;
    while (!output.includes('press Ctrl-C to stop')) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output).toContain(`gateway:  http://localhost:${port}/api/v1`);
    expect(output).toContain(`API docs: http://localhost:${port}/docs`);

    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { services: Record<string, string> }).services).toEqual({
      gateway: 'up',
      auth: 'up',
      ingestion: 'up',
      normalization: 'up',
      aggregation: 'up',
      roadmap: 'up',
      synergy: 'up',
      advisory: 'up',
    });
    // readiness answers within 100 ms or says no, so on a busy machine it may take a few tries
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${port + 1}/health/ready`)).status,
      (status) => status === 200,
      { timeoutMs: 20_000, what: "auth's readiness" },
    );

    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('still running after 60 s'), 60_000);
      }),
    ]);
    clearTimeout(timer);
    if (code !== 0) throw new Error(`npm start did not stop cleanly (${code}):\n${output}`);
    expect(output).toContain('[start] stopped');
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
  }, 240_000);
});
