import type { Type } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { BackendServiceName } from '@prepmate/contracts';
import { RabbitMqTransport, RpcClient } from '@prepmate/messaging';
import {
  apiClient,
  deleteSystemTopology,
  isolatedEnv,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { grantRole } from '../../tools/admin/grant-role';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { SERVICE_MODULES } from './service-modules';

export interface PipelineSystem {
  prefix: string;
  /** What isolates this system (exchange, queue/key/database prefixes), for processes started beside it. */
  env: Record<string, string>;
  exchange: string;
  gateway: TestService;
  services: Map<BackendServiceName, TestService>;
  api: ReturnType<typeof apiClient>;
  db(service: BackendServiceName): Connection;
  /**
   * Registers a user and returns its access token; the names in `admins` are then made
   * admins by the operator command's RPC and logged in again.
   */
  register(name: string): Promise<{ token: string; userId: string }>;
  stop(): Promise<void>;
}

/**
 * Every service and the gateway in this process, on the real broker,
 * database and Redis, isolated from other runs by their own exchange, queues and databases.
 */
export async function startPipeline(
  label: string,
  options: {
    env?: Record<string, Partial<Record<string, string>>>;
    admins?: string[];
    /** Services the test runs itself (in another process, say). */
    skip?: BackendServiceName[];
  } = {},
): Promise<PipelineSystem> {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv(label);
  const shared = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    REDIS_KEY_PREFIX: `${prefix}:`,
    MONGO_DB_PREFIX: prefix,
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000',
    RATE_LIMIT_USER_PER_MINUTE: '10000',
  };
  const services = new Map<BackendServiceName, TestService>();
  const admins = new Set(options.admins ?? []);
  for (const [name, module] of Object.entries(SERVICE_MODULES) as Array<
    [BackendServiceName, Type<unknown>]
  >) {
    if (options.skip?.includes(name)) continue;
    const service = await startTestService({
      module,
      transport: RabbitMqTransport,
      env: {
        ...shared,
        ...(options.env?.[name] as Record<string, string> | undefined),
      },
    });
    await service.app.get(RabbitMqTransport).waitUntilConsuming();
    services.set(name, service);
  }
  const gateway = await startTestService({
    module: GatewayModule,
    configure: configureGateway,
    env: { ...shared, ...(options.env?.gateway as Record<string, string> | undefined) },
  });
  const api = apiClient(gateway.url);
  return {
    prefix,
    env: shared,
    exchange: AMQP_EXCHANGE,
    gateway,
    services,
    api,
    db: (service) => services.get(service)!.app.get<Connection>(getConnectionToken()),
    async register(name) {
      const credentials = {
        email: `${name}-${prefix}@example.com`,
        password: 'correct horse battery',
      };
      let response = await api('POST', '/auth/register', { body: { ...credentials, name } });
      if (response.status !== 201)
        throw new Error(`register ${name}: ${JSON.stringify(response.body)}`);
      if (admins.has(name)) {
        await grantRole(gateway.app.get(RpcClient), credentials.email, 'admin', 'test');
        response = await api('POST', '/auth/login', { body: credentials });
      }
      return {
        token: response.body.accessToken as string,
        userId: response.body.user.id as string,
      };
    },
    async stop() {
      await gateway.close();
      for (const service of services.values()) {
        await service.app
          .get<Connection>(getConnectionToken())
          .dropDatabase()
          .catch(() => undefined);
        await service.close();
      }
      await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
    },
  };
}
