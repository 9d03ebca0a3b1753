import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@prepmate/testing';
import { ServiceProcess } from './service-process';

/** A local HTTP server answering `/health/ready` the way a service does. */
async function readinessServer(
  answer: (respond: (status: number, body: unknown) => void) => void,
): Promise<Server> {
  const server = createServer((_request, response) =>
    answer((status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const processFor = (port: number) => new ServiceProcess('gateway', port, 'unused.js', {});

describe('ServiceProcess.readiness', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  it('is ready when /health/ready answers 200', async () => {
    server = await readinessServer((respond) => respond(200, { status: 'ok' }));
    const { port } = server.address() as AddressInfo;
    expect(await processFor(port).readiness()).toEqual({ ready: true, reason: 'ready' });
  });

  it('names the dependencies a 503 reports down', async () => {
    server = await readinessServer((respond) =>
      respond(503, {
        status: 'error',
        info: { mongodb: { status: 'up' } },
        error: { amqp: { status: 'down' }, redis: { status: 'down' } },
      }),
    );
    const { port } = server.address() as AddressInfo;
    expect(await processFor(port).readiness()).toEqual({
      ready: false,
      reason: 'down: amqp; redis',
    });
  });

  it('says when nothing listens yet', async () => {
    server = undefined;
    expect(await processFor(await freePort()).readiness()).toEqual({
      ready: false,
      reason: 'not listening yet',
    });
  });

  it('says when the service does not answer in time', async () => {
    server = await readinessServer(() => undefined);
    const { port } = server.address() as AddressInfo;
    expect(await processFor(port).readiness()).toEqual({
      ready: false,
      reason: 'no answer within 1 s',
    });
  });
});
