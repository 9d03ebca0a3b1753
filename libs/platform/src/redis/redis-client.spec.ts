import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createRedisClient } from './redis-client';

/** A TCP server that accepts connections and never answers (a stuck Redis). */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

describe('createRedisClient', () => {
  it('fails a command that gets no answer instead of waiting forever', async () => {
    const { server, port, sockets } = await silentServer();
    const client = createRedisClient(`redis://127.0.0.1:${port}`, 300);
    client.on('error', () => undefined);
    try {
      await expect(client.get('k')).rejects.toThrow(/timed out|retries/i);
    } finally {
      client.disconnect();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fails a command while Redis is unreachable, after a few reconnection attempts', async () => {
    const { server, port } = await silentServer();
    await new Promise((resolve) => server.close(resolve)); // the port is now closed
    const client = createRedisClient(`redis://127.0.0.1:${port}`, 2_000);
    client.on('error', () => undefined);
    try {
      await expect(client.set('k', 'v')).rejects.toThrow(/retries/i);
    } finally {
      client.disconnect();
    }
  });
});
