import { Global, Module } from '@nestjs/common';
import { AmqpConnection } from './amqp-connection';
import { AmqpReadiness } from './amqp.readiness';
import { EventPublisher } from './publishing/event-publisher';
import { RpcClient } from './rpc/rpc-client';

/**
 * A service's connection to the broker: the confirmed publisher and the RPC client.
 * The gateway needs only this; services that consume add MessagingServerModule.
 */
@Global()
@Module({
  providers: [AmqpConnection, AmqpReadiness, EventPublisher, RpcClient],
  exports: [AmqpConnection, AmqpReadiness, EventPublisher, RpcClient],
})
export class MessagingModule {}
