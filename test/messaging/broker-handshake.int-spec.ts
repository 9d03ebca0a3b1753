import { AmqpConnection } from '@prepmate/messaging';
import { ServiceConfig } from '@prepmate/platform';
import { amqpUrl, eventually } from '@prepmate/testing';
import {
  type AddressInfo,
  createConnection,
  createServer,
  type Server,
  type Socket,
} from 'node:net';
import pino from 'pino';

/**
 * A broker that accepts the TCP connection but never answers the AMQP handshake (seen on a
 * loaded RabbitMQ) must not leave a service waiting forever, silently and never ready: the
 * attempt times out after AMQP_CONNECT_TIMEOUT_MS, is logged and retried.
 */
describe('broker handshake that never completes', () => {
  let proxy: Server;
  const sockets: Socket[] = [];
  let accepted = 0;

  beforeAll(async () => {
    const broker = new URL(amqpUrl());
    // The first connection is held open and silent; later ones reach the real broker.
    proxy = createServer((client) => {
      sockets.push(client);
      accepted += 1;
      if (accepted === 1) return;
      const upstream = createConnection(Number(broker.port || 5672), broker.hostname);
      sockets.push(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('gives the stalled attempt up after the timeout and connects on the retry', async () => {
    const broker = new URL(amqpUrl());
    broker.host = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const config = Object.assign(new ServiceConfig(), {
      AMQP_URL: broker.toString(),
      AMQP_CONNECT_TIMEOUT_MS: 500,
    });
    const lines: { msg: string; err?: string }[] = [];
    const logger = pino(
      { level: 'warn' },
      { write: (line: string) => lines.push(JSON.parse(line) as { msg: string; err?: string }) },
    );
    const connection = new AmqpConnection(config, logger, 'handshake-test');
    try {
      await eventually(
        () => connection.isConnected(),
        (connected) => connected,
        { timeoutMs: 15_000, what: 'a connection through the retry' },
      );
      expect(accepted).toBeGreaterThanOrEqual(2);
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'broker connection failed; retrying',
          err: 'connect ETIMEDOUT',
        }),
      );
    } finally {
      await connection.close();
    }
  });
});
