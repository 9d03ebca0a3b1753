import { Global, Module } from '@nestjs/common';
import { EVENT_SUBSCRIPTIONS } from '@prepmate/contracts';
import { AmqpConnection } from './amqp-connection';
import { AmqpReadiness } from './amqp.readiness';
import { EventPublisher } from './publishing/event-publisher';
import { RpcClient } from './rpc/rpc-client';
import { UnroutedMonitor } from './topology/unrouted-monitor';
import { EVENT_SUBSCRIPTIONS_TOKEN } from './transport/subscriptions.token';

/**
 * A service's connection to the broker: the confirmed publisher, the RPC client and the
 * unrouted-queue monitor.
 * The gateway needs only this; services that consume add MessagingServerModule.
 */
@Global()
@Module({
  providers: [
    { provide: EVENT_SUBSCRIPTIONS_TOKEN, useValue: EVENT_SUBSCRIPTIONS },
    AmqpConnection,
    AmqpReadiness,
    EventPublisher,
    RpcClient,
    UnroutedMonitor,
  ],
  exports: [
    EVENT_SUBSCRIPTIONS_TOKEN,
    AmqpConnection,
    AmqpReadiness,
    EventPublisher,
    RpcClient,
    UnroutedMonitor,
  ],
})
export class MessagingModule {}
