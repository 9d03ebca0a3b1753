import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chown, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { type ProgressLog, withProgress } from './progress';

/**
 * A Redis on 127.0.0.1:port: throwaway (no persistence) unless `appendOnly`, which keeps its
 * data across a restart in dataDir (the append-only file, fsynced every second, as in
 * docker-compose.yml).
 */
export async function startRedisServer(
  port: number,
  dataDir: string,
  log: ProgressLog,
  { appendOnly = false }: { appendOnly?: boolean } = {},
): Promise<ManagedProcess> {
  await mkdir(dataDir, { recursive: true });
  const server = ManagedProcess.start(
    'redis',
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      appendOnly ? 'yes' : 'no',
      '--appendfsync',
      'everysec',
      '--dir',
      dataDir,
    ],
    join(dataDir, 'redis.log'),
  );
  await withProgress(
    log,
    `starting redis-server on 127.0.0.1:${port}`,
    server.listening('127.0.0.1', port, 20_000),
  );
  return server;
}

/**
 * RabbitMQ in the foreground as our child, its config, data and logs under dataDir.
 *
 * Debian's `rabbitmq-server` wrapper switches from root to the `rabbitmq` user through
 * `su`, which then cannot write a root-owned data folder and outlives a SIGTERM sent to
 * the wrapper; the machine's rabbitmq.conf also pins the listener to 5672. So as root we
 * hand the folder to that user and run the real start script as that user ourselves, with
 * our own config file naming the port.
 */
export async function startRabbitMqServer(
  port: number,
  dataDir: string,
  log: ProgressLog,
): Promise<LocalRabbitMq> {
  const base = join(dataDir, 'rabbitmq');
  await mkdir(base, { recursive: true });
  const configFile = join(base, 'rabbitmq.conf');
  await writeFile(configFile, `listeners.tcp.default = 127.0.0.1:${port}\n`);
  // Our own Erlang cookie, so rabbitmqctl (as whatever user) can reach this node by name.
  const cookie = await ensureCookie(join(base, '.erlang.cookie'));
  const runAs = brokerUser();
  if (runAs) await chownTree(base, runAs);
  const node = `prepmate-${port}@localhost`;
  const env = {
    ...process.env,
    HOME: base,
    RABBITMQ_CONFIG_FILE: configFile,
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_NODENAME: node,
    RABBITMQ_MNESIA_BASE: join(base, 'mnesia'),
    RABBITMQ_LOG_BASE: join(base, 'log'),
    RABBITMQ_DIST_PORT: String(port + 20000),
  };
  const script = runAs && existsSync(DEBIAN_START_SCRIPT) ? DEBIAN_START_SCRIPT : 'rabbitmq-server';
  const server = ManagedProcess.start(
    'rabbitmq',
    script,
    [],
    join(dataDir, 'rabbitmq.log'),
    env,
    runAs ?? undefined,
  );
  await withProgress(
    log,
    `starting rabbitmq-server on 127.0.0.1:${port}`,
    server.listening('127.0.0.1', port, 120_000),
  );
  const ctl = (command: string) => ['rabbitmqctl', '--erlang-cookie', cookie, '-n', node, command];
  return { server, restartCommands: [ctl('stop_app'), ctl('start_app')] };
}

export interface LocalRabbitMq {
  server: ManagedProcess;
  /** `rabbitmqctl stop_app` then `start_app` on this node: it goes away and comes back with its data. */
  restartCommands: string[][];
}

/** The node's cookie: kept across runs (its data folder is), made once, readable by its owner only. */
async function ensureCookie(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const cookie = randomBytes(16).toString('hex').toUpperCase();
    await writeFile(file, cookie, { mode: 0o400 });
    return cookie;
  }
}

const DEBIAN_START_SCRIPT = '/usr/lib/rabbitmq/bin/rabbitmq-server';

/** The `rabbitmq` system user when we run as root (the broker refuses to run as root). */
function brokerUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'rabbitmq'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'rabbitmq'], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

async function chownTree(dir: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(dir, owner.uid, owner.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(path, owner);
    else await chown(path, owner.uid, owner.gid);
  }
}
