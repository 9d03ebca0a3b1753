import { getConnectionToken } from '@nestjs/mongoose';
import { BACKEND_SERVICES, type BackendServiceName } from '@prepmate/contracts';
import { RabbitMqTransport } from '@prepmate/messaging';
import {
  deleteSystemTopology,
  isolatedEnv,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { SERVICE_MODULES } from '../support/service-modules';

describe('the whole system behind the gateway', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('system');
  const shared = { AMQP_EXCHANGE, AMQP_QUEUE_PREFIX: `${prefix}.`, REDIS_KEY_PREFIX: `${prefix}:` };
  const backends = new Map<BackendServiceName, TestService>();
  let gateway: TestService;

  beforeAll(async () => {
    for (const name of BACKEND_SERVICES) {
      const service = await startTestService({
        module: SERVICE_MODULES[name],
        transport: RabbitMqTransport,
        env: { ...shared, MONGO_DB: `${prefix}_${name}` },
      });
      await service.app.get(RabbitMqTransport).waitUntilConsuming();
      backends.set(name, service);
    }
    gateway = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: shared,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    for (const service of backends.values()) {
      await service.app
        .get<Connection>(getConnectionToken())
        .dropDatabase()
        .catch(() => undefined);
      await service.close();
    }
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  it('reports every service up', async () => {
    const response = await fetch(`${gateway.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'up',
      services: {
        gateway: 'up',
        auth: 'up',
        ingestion: 'up',
        normalization: 'up',
        aggregation: 'up',
        roadmap: 'up',
        synergy: 'up',
        advisory: 'up',
      },
    });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const document = (await (await fetch(`${gateway.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toContain('/api/v1/health');
    expect((await fetch(`${gateway.url}/docs`)).status).toBe(200);
  });

  it("exports a user's data from every service and deletes it everywhere", async () => {
    const headers = { 'content-type': 'application/json' };
    const registered = await fetch(`${gateway.url}/api/v1/auth/register`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        email: `sys-${prefix}@example.com`,
        password: 'correct horse battery',
        name: 'Sys',
      }),
    });
    expect(registered.status).toBe(201);
    const { accessToken, user } = (await registered.json()) as {
      accessToken: string;
      user: { id: string };
    };
    const auth = { authorization: `Bearer ${accessToken}` };
    const exported = await fetch(`${gateway.url}/api/v1/me/export`, { headers: auth });
    expect(exported.status).toBe(200);
    const body = (await exported.json()) as {
      userId: string;
      services: Record<string, Record<string, unknown>>;
    };
    expect(body.userId).toBe(user.id);
    expect(Object.keys(body.services).sort()).toEqual([...BACKEND_SERVICES].sort());
    expect(body.services.auth.account).toMatchObject({
      id: user.id,
      email: `sys-${prefix}@example.com`,
    });
    expect(body.services.advisory).toEqual({
      advice: null,
      inferenceLogs: [],
      tokenUsage: expect.objectContaining({ tokensUsed: 0 }),
      reflectionDrafts: [],
    });
    expect(body.services.roadmap).toEqual({
      roadmaps: { roadmaps: [], follows: [], customRoadmapSlots: [] },
      masteries: [],
      roadmapProgress: [],
      tasks: [],
      verifiedTasks: [],
    });
    expect(body.services.aggregation).toEqual({
      attempts: [],
      topicStats: null,
      learnerProfile: null,
    });
    expect(body.services.synergy).toEqual({
      posts: [],
      scratchedPosts: [],
      scratches: [],
      synergyPairs: [],
      chatMessages: [],
      learningLevel: [],
    });
    const deleted = await fetch(`${gateway.url}/api/v1/me`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(202);
    expect(await deleted.json()).toMatchObject({
      pending: [],
      deleted: { auth: 2, roadmap: 0, advisory: 0 },
    });
  });

  it('answers 503 at once, naming the service, when one is stopped', async () => {
    await backends.get('advisory')!.close();
    const started = Date.now();
    const response = await fetch(`${gateway.url}/api/v1/health`);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; services: Record<string, string> };
    expect(body.status).toBe('down');
    expect(body.services.advisory).toBe('down');
    expect(body.services.auth).toBe('up');
  });
});
