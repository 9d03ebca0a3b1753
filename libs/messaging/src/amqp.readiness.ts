import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '@prepmate/platform';
import { AmqpConnection } from './amqp-connection';

@Injectable()
export class AmqpReadiness implements ReadinessCheck {
  readonly name = 'rabbitmq';

  constructor(private readonly connection: AmqpConnection) {}

  isReady(): Promise<boolean> {
    return Promise.resolve(this.connection.isConnected());
  }
}
