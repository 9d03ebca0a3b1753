import { eventually, REPO_ROOT } from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** Starts `node <args>` from the repository root; its stderr is shown with a name prefix. */
export function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[${name}] ${chunk.toString()}`),
  );
  return child;
}

/** Resolves once `url` answers 2xx (the polling of libs/testing's `eventually`). */
export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    () =>
      fetch(url).then(
        (response) => response.ok,
        () => false,
      ),
    Boolean,
    { timeoutMs, intervalMs: 250, what: `${url} to answer` },
  );
}

/** SIGTERM to those still running, resolved once all have exited (safe to call twice). */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => once(child, 'exit'));
  for (const child of running) child.kill('SIGTERM');
  await Promise.all(exited);
}
