import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { stopChild } from './stop-child';

/** A server process this tool started and therefore stops; its output goes to a log file. */
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
  ): ManagedProcess {
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return new ManagedProcess(name, child, logFile);
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  stop(graceMs = 10_000): Promise<void> {
    return stopChild(this.child, graceMs);
  }
}
