import type { DynamicModule, Type } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { BACKEND_SERVICES, type BackendServiceName } from '@prepmate/contracts';
import { RabbitMqTransport } from '@prepmate/messaging';
import { isolatedEnv, startTestService, type TestService } from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { AdvisoryModule } from '../../apps/advisory/src/advisory.module';
import { AggregationModule } from '../../apps/aggregation/src/aggregation.module';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { IngestionModule } from '../../apps/ingestion/src/ingestion.module';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import { RoadmapModule } from '../../apps/roadmap/src/roadmap.module';
import { SynergyModule } from '../../apps/synergy/src/synergy.module';

const MODULES: Record<BackendServiceName, Type<unknown> | DynamicModule> = {
  auth: AuthModule,
  ingestion: IngestionModule,
  normalization: NormalizationModule,
  aggregation: AggregationModule,
  roadmap: RoadmapModule,
  synergy: SynergyModule,
  advisory: AdvisoryModule,
};

describe('the whole system behind the gateway', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('system');
  const shared = { AMQP_EXCHANGE, AMQP_QUEUE_PREFIX: `${prefix}.` };
  const backends = new Map<BackendServiceName, TestService>();
  let gateway: TestService;

  beforeAll(async () => {
    for (const name of BACKEND_SERVICES) {
      const service = await startTestService({
        module: MODULES[name],
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
