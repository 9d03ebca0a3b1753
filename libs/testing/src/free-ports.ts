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
 * Ports `fetch` refuses to connect to (the Fetch standard's "bad ports": X11 on 6000, IRC on
 * 6665–6669 …); undici fails such a request at once with "fetch failed" (cause "bad port").
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/**
 * The first of `count` consecutive free ports, for a system whose processes take the ports
 * after a base (`npm start` with PORT set). Bases are drawn at random from [from, to) so
 * parallel runs rarely meet, and every port of the block is probed, so a machine's own
 * listeners (PostgreSQL on 5432, RabbitMQ on 5672 …) are never chosen; nor is a block with a
 * port `fetch` refuses (the tests and benchmarks talk to the services with `fetch`).
 */
export async function freePortBlock(count: number, from = 3400, to = 9400): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = from + Math.floor(Math.random() * ((to - from - count) / 10)) * 10;
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if (ports.some((port) => FETCH_BLOCKED_PORTS.has(port))) continue;
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
