import { getConnectionToken } from '@nestjs/mongoose';
import { RabbitMqTransport } from '@prepmate/messaging';
import {
  deleteSystemTopology,
  isolatedEnv,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { AuthModule } from '../../apps/auth/src/auth.module';

describe('a service over HTTP (health, metrics, errors)', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('http');
  const env = { AMQP_EXCHANGE, AMQP_QUEUE_PREFIX: `${prefix}.`, MONGO_DB: `${prefix}_auth` };
  const services: TestService[] = [];

  async function start(
    extra: Record<string, string> = {},
    waitUntilReady = true,
  ): Promise<TestService> {
    const service = await startTestService({
      module: AuthModule,
      transport: RabbitMqTransport,
      env: { ...env, ...extra },
      waitUntilReady,
    });
    services.push(service);
    return service;
  }

  afterAll(async () => {
    await services[0]?.app.get<Connection>(getConnectionToken()).dropDatabase();
    for (const service of services) await service.close();
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  it('is live and ready when MongoDB, RabbitMQ and Redis answer', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      details: { mongodb: { status: 'up' }, rabbitmq: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('is not ready (503) while a dependency is down, and says which', async () => {
    const { url } = await start({ REDIS_URL: 'redis://127.0.0.1:6390' }, false);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'error',
      error: { redis: { status: 'down' } },
      info: { mongodb: { status: 'up' } },
    });
  });

  it('serves Prometheus metrics', async () => {
    const { url } = services[0];
    await fetch(`${url}/health/live`);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('messaging_broker_connected');
    expect(metrics).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/health\/live"/);
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('echoes the request id and answers errors in the one shape', async () => {
    const { url } = services[0];
    const response = await fetch(`${url}/no/such/route`, {
      headers: { 'x-request-id': 'req-abc-123' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('req-abc-123');
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Cannot GET /no/such/route', requestId: 'req-abc-123' },
    });
    const generated = await fetch(`${url}/no/such/route`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
