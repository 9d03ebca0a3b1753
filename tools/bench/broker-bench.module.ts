import { Controller, type DynamicModule, Module } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import {
  AmqpReadiness,
  EVENT_SUBSCRIPTIONS_TOKEN,
  MessagingServerModule,
} from '@prepmate/messaging';
import { DatabaseModule, MongoReadiness, PlatformModule } from '@prepmate/platform';

/** Counts what the library delivered; the handler itself does nothing else. */
export const delivered = { count: 0, onCount: (_count: number) => undefined as void };

@Controller()
class CountingHandler {
  @EventPattern('submission.ingested')
  onEvent(@Payload() _event: EventEnvelope<'submission.ingested'>): void {
    delivered.count += 1;
    delivered.onCount(delivered.count);
  }
}

/** A consumer built from libs/messaging exactly as a service is (transport, idempotency, acks). */
@Module({})
export class BrokerBenchModule {
  static create(): DynamicModule {
    return {
      module: BrokerBenchModule,
      imports: [
        PlatformModule.forRoot({
          service: 'normalization',
          readiness: [MongoReadiness, AmqpReadiness],
        }),
        DatabaseModule,
        MessagingServerModule,
      ],
      controllers: [CountingHandler],
    };
  }
}

export const BENCH_SUBSCRIPTIONS = {
  provide: EVENT_SUBSCRIPTIONS_TOKEN,
  useValue: { normalization: ['submission.ingested'] },
};
