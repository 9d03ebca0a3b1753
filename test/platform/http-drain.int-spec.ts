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

  it('closes within the shutdown timeout, telling keep-alive clients to go', async () => {
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
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await service.close();
    const tookMs = Date.now() - started;
    stop = true;
    await Promise.all(clients);
    for (const agent of agents) agent.destroy();
    expect(tookMs).toBeLessThan(5000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.some((response) => response.connection === 'close')).toBe(true);
  }, 30_000);
});
