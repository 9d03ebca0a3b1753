import { Processor, WorkerHost } from '@nestjs/bullmq';
import { bullConnectionOptions, processorOptionsProvider } from './bullmq';

describe('BullMQ wiring', () => {
  it('turns a Redis URL into connection options (credentials, database, TLS)', () => {
    expect(bullConnectionOptions('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      username: undefined,
      password: undefined,
      db: 0,
      maxRetriesPerRequest: null,
    });
    expect(bullConnectionOptions('rediss://user:p%40ss@cache.internal/3')).toEqual({
      host: 'cache.internal',
      port: 6379,
      username: 'user',
      password: 'p@ss',
      db: 3,
      tls: {},
      maxRetriesPerRequest: null,
    });
  });

  it('gives a processor the worker options computed from the configuration', () => {
    @Processor('jobs')
    class JobsWorker extends WorkerHost {
      process(): Promise<void> {
        return Promise.resolve();
      }
    }
    class JobsConfig {
      CONCURRENCY = 7;
    }
    const provider = processorOptionsProvider(JobsWorker, 'jobs', JobsConfig, (config) => ({
      concurrency: config.CONCURRENCY,
    })) as { inject: unknown[]; useFactory: (config: JobsConfig) => unknown };
    expect(provider.inject).toEqual([JobsConfig]);
    expect(provider.useFactory(new JobsConfig())).toEqual({ concurrency: 7 });
    expect(Reflect.getMetadata('bullmq:worker_metadata', JobsWorker)).toEqual({ concurrency: 7 });
    expect(Reflect.getMetadata('bullmq:processor_metadata', JobsWorker)).toMatchObject({
      name: 'jobs',
    });
  });
});
