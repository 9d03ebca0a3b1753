import {
  Controller,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnModuleInit,
} from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import type { BackendServiceName, EventEnvelope, RpcRequest } from '@prepmate/contracts';
import {
  AmqpReadiness,
  EVENT_SUBSCRIPTIONS_TOKEN,
  MessagingServerModule,
  OutboxRelay,
} from '@prepmate/messaging';
import { AppError, DatabaseModule, MongoReadiness, PlatformModule } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { ProbeStateSchema } from './probe-state.schema';

/** What the probe's event handler does; each test brings its own. */
export interface ProbeBehaviour {
  onEvent(event: EventEnvelope<'submission.ingested'>): Promise<void>;
}
export const PROBE_BEHAVIOUR = Symbol('PROBE_BEHAVIOUR');

/** The probe service plays `normalization`: it consumes `submission.ingested`. */
export const PROBE_SERVICE: BackendServiceName = 'normalization';
export const PROBE_SUBSCRIPTIONS = {
  provide: EVENT_SUBSCRIPTIONS_TOKEN,
  useValue: { [PROBE_SERVICE]: ['submission.ingested'] },
};

@Controller()
class ProbeHandlers {
  constructor(@Inject(PROBE_BEHAVIOUR) private readonly behaviour: ProbeBehaviour) {}

  @EventPattern('submission.ingested')
  onIngested(@Payload() event: EventEnvelope<'submission.ingested'>): Promise<void> {
    return this.behaviour.onEvent(event);
  }

  @MessagePattern('probe.echo')
  echo(@Payload() request: RpcRequest<{ text: string }>) {
    return { echoed: request.data.text, caller: request.caller };
  }

  @MessagePattern('probe.fail')
  fail(): never {
    throw new AppError('CONFLICT', 'that email is taken', { field: 'email' });
  }

  @MessagePattern('probe.crash')
  crash(): never {
    throw new Error('secret internal detail');
  }

  @MessagePattern('probe.wait')
  async wait(@Payload() request: RpcRequest<{ ms: number; text: string }>) {
    await new Promise((resolve) => setTimeout(resolve, request.data.ms));
    return { echoed: request.data.text, pid: process.pid };
  }

  @MessagePattern('probe.never')
  never(): Promise<never> {
    return new Promise(() => undefined);
  }
}

/** Registers the probe's outbox collection with the relay, as a real service does. */
@Injectable()
export class ProbeStates implements OnModuleInit {
  constructor(
    @InjectModel('ProbeState') readonly model: Model<{ _id: string; value: number }>,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.register(this.model);
  }
}

@Module({})
export class ProbeModule {
  static with(behaviour: ProbeBehaviour): DynamicModule {
    return {
      module: ProbeModule,
      imports: [
        PlatformModule.forRoot({
          service: PROBE_SERVICE,
          readiness: [MongoReadiness, AmqpReadiness],
        }),
        DatabaseModule,
        MessagingServerModule,
        MongooseModule.forFeature([{ name: 'ProbeState', schema: ProbeStateSchema }]),
      ],
      controllers: [ProbeHandlers],
      providers: [{ provide: PROBE_BEHAVIOUR, useValue: behaviour }, ProbeStates],
    };
  }
}
