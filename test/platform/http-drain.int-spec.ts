import { HttpDrain } from '@prepmate/platform';
import { eventually } from '@prepmate/testing';
import { request, Agent } from 'node:http';
import { probeEnv, deleteProbeTopology } from '../messaging/probe/probe-env';
import { startProbe } from '../messaging/probe/probe-service';

/** One GET on a keep-alive agent (one socket, reused): the status and the Connection header. */
function get(agent: Agent, url: string): Promise<{ status: number; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A service stops on SIGTERM (app.close) even while a client keeps its keep-alive connection
 * busy: Node's server.close() waits for open connections, and one that keeps receiving
 * requests never ends (docs/operations.md#stopping). The fault suite's "SIGTERM everything"
 * found the gateway alive minutes later under its import traffic.
 */
describe('stopping while clients keep their connections busy', () => {
  const env = probeEnv('drain', { SHUTDOWN_TIMEOUT_MS: '1000' });

  afterAll(() => deleteProbeTopology(env));

  it('tells keep-alive clients to go once draining begins, and closes within the shutdown timeout', async () => {
    const service = await startProbe(env, { onEvent: async () => undefined }, { consume: false });
    const url = `${service.url}/health/ready`;
    const seen: Array<{ status: number; connection?: string }> = [];
    let stop = false;
    // Four clients, each on its own keep-alive socket, asking again as soon as answered: at
    // any moment some connection is busy, so none of them is ever idle for close() to drop.
    const agents = Array.from({ length: 4 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    const clients = agents.map(async (agent) => {
      while (!stop) {
        try {
          seen.push(await get(agent, url));
        } catch {
          // refused once the server is gone: knock again a little later, as a retrying client
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    });
    await eventually(
      async () => seen.length,
      (count) => count > 3,
      { what: 'the clients answered' },
    );
    // Draining begins as app.close() begins it, before the server stops listening: a request
    // already past the middleware is answered as it was, every later one is told to go. Started
    // here so the test sees that window however short app.close() makes it.
    service.app.get(HttpDrain).beforeApplicationShutdown();
    const before = seen.length;
    await eventually(
      async () => seen.slice(before),
      (later) => later.some((response) => response.connection === 'close'),
      { what: 'a response telling its client to go' },
    );
    const started = Date.now();
    await service.close();
    const tookMs = Date.now() - started;
    stop = true;
    await Promise.all(clients);
    for (const agent of agents) agent.destroy();
    expect(tookMs).toBeLessThan(5000);
    expect(seen.slice(before).some((response) => response.connection === 'close')).toBe(true);
  }, 30_000);
});
