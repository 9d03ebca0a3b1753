import { Global, Module } from '@nestjs/common';
import { DependencyGate } from './consuming/dependency-gate';
import { ProcessedEventStore } from './idempotency/processed-event.store';
import { MessagingModule } from './messaging.module';
import { BatchOutbox } from './outbox/batch-outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { SystemRpcController } from './rpc/system-rpc.controller';
import { UserTombstones } from './rpc/user-tombstones';
import { RabbitMqTransport } from './transport/rabbitmq.transport';

/**
 * The consuming side of a service that owns a database: the transport (its event queues
 * and its RPC queue), idempotency records, the outbox relay, the user tombstones, and the `system.*` RPCs every
 * service answers. Needs PlatformModule and DatabaseModule.
 */
@Global()
@Module({
  imports: [MessagingModule],
  controllers: [SystemRpcController],
  providers: [
    BatchOutbox,
    DependencyGate,
    OutboxRelay,
    ProcessedEventStore,
    RabbitMqTransport,
    UserTombstones,
  ],
  exports: [
    BatchOutbox,
    DependencyGate,
    OutboxRelay,
    ProcessedEventStore,
    RabbitMqTransport,
    UserTombstones,
  ],
})
export class MessagingServerModule {}
