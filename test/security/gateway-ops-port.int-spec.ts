import {
  deleteSystemTopology,
  eventually,
  isolatedEnv,
  startTestService,
  type TestService,
  expectErrorShape,
} from '@prepmate/testing';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { OpsListener } from '../../apps/gateway/src/health/ops-listener';

/**
 * Issue 11, point 10: readiness (which names every dependency) and metrics were public on the
 * API port. With OPS_PORT (required in production) they answer on the ops port only.
 */
describe('the gateway ops port', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('ops');
  let gateway: TestService;
  let ops: string;

  beforeAll(async () => {
    gateway = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: {
        AMQP_EXCHANGE,
        AMQP_QUEUE_PREFIX: `${prefix}.`,
        REDIS_KEY_PREFIX: `${prefix}:`,
        OPS_PORT: '0',
      },
      waitUntilReady: false,
    });
    ops = `http://127.0.0.1:${gateway.app.get(OpsListener).port}`;
    await eventually(
      () =>
        fetch(`${ops}/health/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      { what: 'readiness on the ops port' },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  const get = async (url: string) => {
    const response = await fetch(url);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // metrics are text
    }
    return { status: response.status, headers: response.headers, body: body as never };
  };

  it('answers 404 for readiness and metrics on the API port (was 200 to anyone)', async () => {
    expectErrorShape(await get(`${gateway.url}/metrics`), 404, 'NOT_FOUND');
    expectErrorShape(await get(`${gateway.url}/health/ready`), 404, 'NOT_FOUND');
    expect((await get(`${gateway.url}/health/live`)).status).toBe(200);
    // The public summary stays public (503 here: no service runs behind this gateway).
    const health = await get(`${gateway.url}/api/v1/health`);
    expect(health.body).toMatchObject({ services: { gateway: 'up' } });
  });

  it('serves them on the ops port, and nothing of the API there', async () => {
    const metrics = await get(`${ops}/metrics`);
    expect(metrics.status).toBe(200);
    expect(String(metrics.body)).toContain('process_cpu_user_seconds_total');
    expect((await get(`${ops}/health/ready`)).status).toBe(200);
    expect((await get(`${ops}/health/live`)).status).toBe(200);
    expectErrorShape(await get(`${ops}/api/v1/health`), 404, 'NOT_FOUND');
  });
});
