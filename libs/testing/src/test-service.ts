import type { DynamicModule, Provider, Type } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { eventually } from './eventually';
import {
  configureServiceApp,
  listeningPort,
  startServiceApp,
  type BootstrapOptions,
} from '@prepmate/platform';

export interface TestServiceOptions extends Omit<BootstrapOptions, 'module'> {
  module: Type<unknown> | DynamicModule;
  /** Environment for this service only (applied while it is created, then restored). */
  env?: Record<string, string>;
  /** Providers to replace, e.g. the subscription table of a test service. */
  overrides?: Array<{ provide: Provider | string | symbol | Type<unknown>; useValue: unknown }>;
  transport?: Type<CustomTransportStrategy>;
  /** Wait until /health/ready answers 200 (default), as Kubernetes would before routing to it. */
  waitUntilReady?: boolean;
}

export interface TestService {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * Boots a service in this process exactly as `main.ts` does (same wiring, real broker,
 * database and Redis), on a free HTTP port.
 */
export async function startTestService(options: TestServiceOptions): Promise<TestService> {
  const env = {
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    NODE_ENV: 'test',
    ...options.env,
  };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    let builder = Test.createTestingModule({ imports: [options.module] });
    for (const override of options.overrides ?? []) {
      builder = builder.overrideProvider(override.provide).useValue(override.useValue);
    }
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      bufferLogs: true,
    });
    await configureServiceApp(app, options);
    await startServiceApp(app);
    const url = `http://127.0.0.1:${listeningPort(app)}`;
    if (options.waitUntilReady !== false) {
      await eventually(
        () =>
          fetch(`${url}/health/ready`).then(
            async (response) => ({ status: response.status, body: await response.text() }),
            () => ({ status: 0, body: 'unreachable' }),
          ),
        (ready) => ready.status === 200,
        { timeoutMs: 20_000, what: `${url}/health/ready to answer 200` },
      );
    }
    let closed = false;
    return {
      app,
      url,
      close: async () => {
        if (closed) return;
        closed = true;
        await app.close();
      },
    };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
