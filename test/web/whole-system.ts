import {
  deleteSystemTopology,
  freePortBlock,
  isolatedEnv,
  REPO_ROOT,
  runCommand,
} from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';

/** `npm run build` then `npm start`'s process, isolated like test/system/npm-start's. */
export class WholeSystem {
  private child: ChildProcess | undefined;
  private output = '';
  private readonly env = isolatedEnv('web');
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePortBlock(8);
    process.stdout.write('[web-test] npm run build (services and web client)…\n');
    const build = await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 300_000 });
    if (build.code !== 0) throw new Error(`npm run build failed: ${build.stderr || build.stdout}`);
    process.stdout.write('[web-test] starting the eight services…\n');
    this.child = spawn(process.execPath, ['dist/tools/start/main.js'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        AMQP_EXCHANGE: this.env.AMQP_EXCHANGE,
        AMQP_QUEUE_PREFIX: `${this.env.prefix}.`,
        MONGO_DB_PREFIX: this.env.prefix,
        LOG_LEVEL: 'warn',
        // quick enough for a test: the pipeline settles and a pair is scored within seconds
        AGGREGATION_DEBOUNCE_MS: '300',
        SYNERGY_PAIR_DEBOUNCE_MS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 150_000;
    while (!this.output.includes('press Ctrl-C to stop')) {
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`npm start did not come up:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async stop(): Promise<void> {
    if (this.child?.pid) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await deleteSystemTopology(this.env.AMQP_EXCHANGE, `${this.env.prefix}.`);
  }

  /** A JSON call to the gateway, as the browser makes it. */
  async api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}
