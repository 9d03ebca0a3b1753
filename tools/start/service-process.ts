import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild } from '@prepmate/infra';
import { formatServiceLine } from './log-format';

export interface Readiness {
  ready: boolean;
  /** Why not, for the progress line (`'ready'` when ready). */
  reason: string;
}

function describeFetchError(error: unknown): string {
  // Duck-typed: fetch's errors come from Node's own realm, where `instanceof Error` can fail.
  const { name, message, cause } = (error ?? {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string };
  };
  if (name === 'TimeoutError') return 'no answer within 1 s';
  if (cause?.code === 'ECONNREFUSED') return 'not listening yet';
  return cause?.code ?? message ?? String(error);
}

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

  /**
   * Asks `/health/ready` once. When the service is not ready, the reason says why: not
   * listening yet, no answer in time, or which of its dependencies its readiness reports down.
   */
  async readiness(): Promise<Readiness> {
    let response: Response;
    try {
      response = await fetch(`http://127.0.0.1:${this.httpPort}/health/ready`, {
        signal: AbortSignal.timeout(1000),
      });
    } catch (error) {
      return { ready: false, reason: describeFetchError(error) };
    }
    if (response.ok) return { ready: true, reason: 'ready' };
    const body = (await response.json().catch(() => undefined)) as
      { error?: Record<string, { message?: string }> } | undefined;
    const down = Object.entries(body?.error ?? {}).map(([dependency, detail]) =>
      detail.message ? `${dependency}: ${detail.message}` : dependency,
    );
    return {
      ready: false,
      reason: down.length > 0 ? `down: ${down.join('; ')}` : `HTTP ${response.status}`,
    };
  }

  /** SIGTERM (the service drains and closes), SIGKILL after the grace period. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    if (this.child) await stopChild(this.child, graceMs);
  }
}
