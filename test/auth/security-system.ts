import { RabbitMqTransport, RpcClient } from '@prepmate/messaging';
import {
  apiClient,
  deleteSystemTopology,
  isolatedEnv,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { AuthModule } from '../../apps/auth/src/auth.module';
import { configureGateway } from '../../apps/gateway/src/configure-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { grantRole } from '../../tools/admin/grant-role';

/** The services a security spec holds; a spec may replace `auth` (the closing one is closed). */
export interface SecurityServices {
  auth: TestService;
  gateway: TestService;
  api: ReturnType<typeof apiClient>;
}

/**
 * Auth and a gateway on an isolated exchange, started before and stopped after the calling
 * describe block, with the helpers the security specs share (register, login, admin...).
 */
export function securitySystem() {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('security');
  const keysDir = mkdtempSync(join(tmpdir(), 'prepmate-keys-'));
  const shared = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    REDIS_KEY_PREFIX: `${prefix}:`,
    MONGO_DB_PREFIX: prefix,
    RPC_TIMEOUT_MS: '3000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000',
    RATE_LIMIT_USER_PER_MINUTE: '1000',
  };
  const authEnv = { ...shared, JWT_DEV_KEYS_DIR: keysDir };
  const services = {} as SecurityServices;
  const password = 'correct horse battery';
  const extraGateways: TestService[] = [];

  beforeAll(async () => {
    services.auth = await startTestService({
      module: AuthModule,
      transport: RabbitMqTransport,
      env: authEnv,
    });
    await services.auth.app.get(RabbitMqTransport).waitUntilConsuming();
    services.gateway = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: { ...shared, JWKS_CACHE_TTL_SECONDS: '1' },
    });
    services.api = apiClient(services.gateway.url);
  });

  afterAll(async () => {
    for (const extra of extraGateways) await extra.close();
    await services.gateway?.close();
    if (services.auth) {
      await services.auth.app
        .get<Connection>(getConnectionToken())
        .dropDatabase()
        .catch(() => undefined);
      await services.auth.close();
    }
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  const api = ((method, path, options) =>
    services.api(method, path, options)) as SecurityServices['api'];

  async function gatewayWith(env: Record<string, string>) {
    const started = await startTestService({
      module: GatewayModule,
      configure: configureGateway,
      env: { ...shared, ...env },
    });
    extraGateways.push(started);
    return apiClient(started.url);
  }

  let counter = 0;
  async function register() {
    counter += 1;
    const email = `sec${counter}-${prefix}@example.com`;
    const response = await api('POST', '/auth/register', {
      body: { email, password, name: `User ${counter}` },
    });
    expect(response.status).toBe(201);
    return {
      id: response.body.user.id as string,
      email,
      token: response.body.accessToken as string,
      refreshToken: response.body.refreshToken as string,
      role: response.body.user.role as string,
    };
  }

  async function login(email: string) {
    const response = await api('POST', '/auth/login', { body: { email, password } });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string; user: { role: string } };
  }

  async function admin() {
    const user = await register();
    await grantRole(rpc(), user.email, 'admin', 'test');
    return { ...user, token: (await login(user.email)).accessToken };
  }

  const rpc = () => services.gateway.app.get(RpcClient);

  return {
    AMQP_EXCHANGE,
    prefix,
    shared,
    authEnv,
    password,
    services,
    api,
    gatewayWith,
    register,
    login,
    admin,
    rpc,
  };
}
