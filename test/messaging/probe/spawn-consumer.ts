import { REPO_ROOT } from '@prepmate/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** Starts the probe service in a process of its own (consumer-process.ts), so a test can SIGKILL it. */
export function startConsumerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'consumer-process.ts'),
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on(
      'data',
      (chunk: Buffer) => chunk.toString().includes('consumer ready') && resolve(child),
    );
    child.once('exit', (code) =>
      reject(new Error(`consumer exited (${String(code)}) before it was ready: ${errors}`)),
    );
  });
}
