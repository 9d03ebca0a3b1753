import type { ChildProcess } from 'node:child_process';

/**
 * SIGTERM, then SIGKILL if the process has not exited within `graceMs`; resolves on exit.
 * With `group`, the signals go to the child's whole process group (a child spawned with
 * `detached: true` leads one), so helpers it forked go too.
 */
export async function stopChild(
  child: ChildProcess,
  graceMs: number,
  options: { group?: boolean } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (options.group && child.pid) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Whatever of the group outlived its leader (a helper that ignored SIGTERM) goes now.
  if (options.group) signal('SIGKILL');
}
