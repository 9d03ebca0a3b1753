import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild } from '@prepmate/infra';
import { formatServiceLine } from './log-format';

/** One service running as its own Node process, its logs printed with its name. */
export class ServiceProcess {
  private child?: ChildProcess;
  onUnexpectedExit?: (service: string, code: number | null) => void;
  private stopping = false;

  constructor(
    readonly service: string,
    readonly httpPort: number,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    const child = spawn(process.execPath, ['--enable-source-maps', this.entry], {
      env: { ...this.env, HTTP_PORT: String(this.httpPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) =>
        process.stdout.write(`${formatServiceLine(this.service, line)}\n`),
      );
    }
    child.once('exit', (code) => {
      if (!this.stopping) this.onUnexpectedExit?.(this.service, code);
    });
    this.child = child;
  }

  async isReady(): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.httpPort}/health/ready`, {
        signal: AbortSignal.timeout(1000),
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** SIGTERM (the service drains and closes), SIGKILL after the grace period. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    if (this.child) await stopChild(this.child, graceMs);
  }
}
