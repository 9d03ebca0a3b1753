import { createServer } from 'node:net';

/** Whether nothing listens on `port` (any address: the unspecified one and loopback). */
async function isFree(port: number): Promise<boolean> {
  for (const host of [undefined, '127.0.0.1']) {
    const bound = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, host, () => server.close(() => resolve(true)));
    });
    if (!bound) return false;
  }
  return true;
}

/** A port the operating system has just handed out as free. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The first of `count` consecutive free ports, for a system whose processes take the ports
 * after a base (`npm start` with PORT set). Bases are drawn at random from [from, to) so
 * parallel runs rarely meet, and every port of the block is probed, so a machine's own
 * listeners (PostgreSQL on 5432, RabbitMQ on 5672 …) are never chosen.
 */
export async function freePortBlock(count: number, from = 3400, to = 9400): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = from + Math.floor(Math.random() * ((to - from - count) / 10)) * 10;
    const ports = Array.from({ length: count }, (_, i) => base + i);
    let free = true;
    for (const port of ports) {
      if (!(await isFree(port))) {
        free = false;
        break;
      }
    }
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports between ${from} and ${to}`);
}
