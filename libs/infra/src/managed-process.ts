import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { waitForPort } from './probe';
import { stopChild } from './stop-child';

/**
 * A server process this tool started and therefore stops. Its output goes straight into a
 * log file (no pipe through us) and it leads its own process group: a server that forks
 * helpers (RabbitMQ's Erlang VM, epmd) can then neither keep our event loop alive through
 * an inherited pipe nor outlive a stop.
 */
export class ManagedProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static start(
    name: string,
    command: string,
    args: string[],
    logFile: string,
    env: NodeJS.ProcessEnv = process.env,
    runAs?: { uid: number; gid: number },
  ): ManagedProcess {
    const log = openSync(logFile, 'a');
    try {
      const child = spawn(command, args, {
        env,
        stdio: ['ignore', log, log],
        detached: true,
        ...runAs,
      });
      return new ManagedProcess(name, child, logFile);
    } finally {
      closeSync(log);
    }
  }

  /**
   * Resolves once the server accepts connections on host:port. Rejects, with the end of its
   * log, as soon as it exits instead or when the timeout passes (it is then stopped).
   */
  async listening(host: string, port: number, timeoutMs: number): Promise<void> {
    let onExit: ((code: number | null) => void) | undefined;
    const exited = new Promise<never>((_, reject) => {
      onExit = (code) => reject(new Error(`${this.name} exited (code ${code}) before listening`));
      this.child.once('exit', onExit);
    });
    try {
      await Promise.race([waitForPort(host, port, timeoutMs), exited]);
    } catch (error) {
      await this.stop(5000);
      const log = await readFile(this.logFile, 'utf8').catch(() => '');
      throw new Error(
        `${(error as Error).message}; the end of ${this.logFile}:\n${log.slice(-2000)}`,
      );
    } finally {
      if (onExit) this.child.off('exit', onExit);
    }
  }

  /** SIGTERM to its process group, then SIGKILL if it has not exited within the grace period. */
  stop(graceMs = 10_000): Promise<void> {
    return stopChild(this.child, graceMs, { group: true });
  }
}
