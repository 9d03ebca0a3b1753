import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnModuleInit,
  type Provider,
  type Type,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { ServiceName } from '@prepmate/contracts';
import { collectDefaultMetrics, register } from 'prom-client';
import { loadConfig } from './config/load-config';
import { ServiceConfig } from './config/service-config';
import { HealthController } from './health/health.controller';
import { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
import { createRootLogger } from './logging/logger';
import { ROOT_LOGGER } from './logging/logger.tokens';
import { MetricsController } from './metrics/metrics.controller';
import { HttpDrain } from './http/http-drain';
import { SERVICE_NAME } from './platform.tokens';

export interface PlatformModuleOptions<C extends ServiceConfig> {
  service: ServiceName;
  /** The service's configuration class; read from the environment when the app is created. */
  config?: new () => C;
  /** Dependencies `/health/ready` checks (each a provider visible to this module). */
  readiness: Type<ReadinessCheck>[];
}

let defaultMetricsStarted = false;

/** Configuration, logging, health and metrics: what every service has, wired once. */
@Global()
@Module({})
export class PlatformModule implements OnModuleInit {
  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  /** Process metrics (CPU, memory, event loop) on the default registry, labelled by service, once per process. */
  onModuleInit(): void {
    if (defaultMetricsStarted) return;
    register.setDefaultLabels({ service: this.service });
    collectDefaultMetrics();
    defaultMetricsStarted = true;
  }

  static forRoot<C extends ServiceConfig>(options: PlatformModuleOptions<C>): DynamicModule {
    const configClass = options.config ?? (ServiceConfig as new () => C);
    // A service's own config class is also injectable under its own name.
    const ownConfig = configClass === (ServiceConfig as unknown) ? [] : [configClass];
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: options.service },
      { provide: ServiceConfig, useFactory: () => loadConfig(configClass, options.service) },
      ...ownConfig.map((provide) => ({ provide, useExisting: ServiceConfig })),
      {
        provide: ROOT_LOGGER,
        inject: [ServiceConfig],
        useFactory: (config: ServiceConfig) => createRootLogger(options.service, config.LOG_LEVEL),
      },
      {
        provide: READINESS_CHECKS,
        inject: options.readiness,
        useFactory: (...checks: ReadinessCheck[]) => checks,
      },
    ];
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
      controllers: [HealthController, MetricsController],
      providers: [...providers, HttpDrain],
      exports: [
        SERVICE_NAME,
        ServiceConfig,
        ROOT_LOGGER,
        READINESS_CHECKS,
        HttpDrain,
        ...ownConfig,
      ],
    };
  }
}
