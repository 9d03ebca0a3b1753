import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import {
  isEventType,
  type EventEnvelope,
  type EventType,
  type RpcRequest,
  type ServiceName,
} from '@prepmate/contracts';
import { ROOT_LOGGER, SERVICE_NAME, ServiceConfig } from '@prepmate/platform';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { Channel } from 'amqplib';
import type { Logger } from 'pino';
import { lastValueFrom } from 'rxjs';
import { AmqpConnection } from '../amqp-connection';
import { DependencyGate } from '../consuming/dependency-gate';
import { EventDelivery } from '../consuming/event-delivery';
import { ProcessedEventStore } from '../idempotency/processed-event.store';
import { consumerCancellations } from '../messaging.metrics';
import { EventPublisher } from '../publishing/event-publisher';
import { RpcResponder } from '../rpc/rpc-responder';
import type { SignatureCheck } from '../signing/message-signature';
import { declareEventQueue, declareExchanges, declareRpcQueue } from '../topology/declare';
import { eventQueueName, rpcQueueName } from '../topology/names';
import { EVENT_SUBSCRIPTIONS_TOKEN } from './subscriptions.token';

/** How long a stopping replica waits for the broker to delete its RPC queue. */
const RELEASE_TIMEOUT_MS = 2000;

/** Pause between attempts to consume a queue again after the broker cancelled its consumer. */
const RESUBSCRIBE_DELAY_MS = 1000;

/** One event queue's consumer on one channel: `tag` null while paused (or not yet consuming). */
interface EventConsumer {
  queue: string;
  subscribe: () => Promise<string>;
  tag: string | null;
}

/** What consumes on one channel: the event queues' consumers and the RPC queue's. */
interface ChannelConsumers {
  events: EventConsumer[];
  rpcTag: string | null;
}

/**
 * The service's side of the broker as a Nest transport, so handlers stay idiomatic:
 * `@EventPattern('submission.ingested')` consumes the durable quorum queue
 * `<service>.submission.ingested` (with retry and dead-letter queues), and
 * `@MessagePattern('...')` answers requests on `<service>.rpc`. Consumers are set up again
 * on every reconnection and after the broker cancels one (its queue deleted); prefetch bounds
 * what a replica holds; SIGTERM stops consuming and waits for in-flight messages before the
 * connection closes. While a dependency of the handlers is down (`DependencyGate`) the event
 * consumers are cancelled, and consumed again once it answers: messages wait in their queues
 * instead of burning their retries (docs/reliability.md "Dependency outages").
 */
@Injectable()
export class RabbitMqTransport
  extends Server
  implements CustomTransportStrategy, BeforeApplicationShutdown
{
  private channel?: ChannelWrapper;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly consumers = new Map<Channel, ChannelConsumers>();
  private stopping?: Promise<void>;
  private rpcQueue?: string;
  private readonly log: Logger;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly publisher: EventPublisher,
    private readonly processed: ProcessedEventStore,
    private readonly config: ServiceConfig,
    private readonly gate: DependencyGate,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(EVENT_SUBSCRIPTIONS_TOKEN)
    private readonly subscriptions: Record<string, readonly EventType[]>,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'transport' });
    this.gate.onChange((paused) => void (paused ? this.pauseEvents() : this.resumeEvents()));
  }

  listen(callback: (error?: unknown) => void): void {
    let eventTypes: EventType[];
    try {
      eventTypes = this.subscribedEventTypes();
    } catch (error) {
      callback(error);
      return;
    }
    const deliveries = eventTypes.map((type) => {
      const queue = eventQueueName(this.service, type, this.config.AMQP_QUEUE_PREFIX);
      const delivery = new EventDelivery(
        queue,
        this.eventHandler(type),
        this.processed,
        this.publisher,
        this.config.retryDelaysMs,
        this.signatureCheck,
        this.log.child({ queue }),
        this.config.HANDLER_TIMEOUT_MS,
        this.gate,
      );
      return { type, queue, delivery };
    });
    const rpcQueue = rpcQueueName(this.service, this.config.AMQP_QUEUE_PREFIX);
    this.rpcQueue = rpcQueue;
    const rpc = new RpcResponder(
      (pattern) => this.rpcHandler(pattern),
      this.signatureCheck,
      this.log.child({ queue: rpcQueue }),
    );
    this.channel = this.connection.createChannel({
      name: 'consumer',
      confirm: false,
      setup: async (channel: Channel) => {
        if (this.stopping) return;
        await channel.prefetch(this.config.AMQP_PREFETCH);
        await declareExchanges(
          channel,
          this.config.AMQP_EXCHANGE,
          this.config.AMQP_QUEUE_EXPIRES_MS,
          this.config.AMQP_UNROUTED_MAX_LENGTH,
        );
        const consumers: ChannelConsumers = { events: [], rpcTag: null };
        for (const { type, queue, delivery } of deliveries) {
          const consumer: EventConsumer = { queue, tag: null, subscribe: async () => '' };
          consumer.subscribe = async (): Promise<string> => {
            await declareEventQueue(
              channel,
              this.config.AMQP_EXCHANGE,
              queue,
              type,
              this.config.retryDelaysMs,
              this.config.AMQP_QUEUE_EXPIRES_MS,
            );
            let tag = '';
            ({ consumerTag: tag } = await channel.consume(queue, (message) => {
              if (message) this.track(delivery.handle(channel, message));
              else this.onConsumerCancelled(channel, consumer, tag);
            }));
            return tag;
          };
          consumers.events.push(consumer);
          if (this.gate.paused)
            await declareEventQueue(
              channel,
              this.config.AMQP_EXCHANGE,
              queue,
              type,
              this.config.retryDelaysMs,
              this.config.AMQP_QUEUE_EXPIRES_MS,
            );
          else consumer.tag = await consumer.subscribe();
        }
        await declareRpcQueue(channel, rpcQueue, this.config.RPC_QUEUE_EXPIRES_MS);
        ({ consumerTag: consumers.rpcTag } = await channel.consume(
          rpcQueue,
          (message) => message && this.track(rpc.handle(channel, message)),
        ));
        this.consumers.set(channel, consumers);
        channel.on('close', () => this.consumers.delete(channel));
        this.log.info(
          {
            queues: [...deliveries.map((d) => d.queue), rpcQueue],
            prefetch: this.config.AMQP_PREFETCH,
          },
          'consuming',
        );
      },
    });
    callback();
  }

  /**
   * The broker cancelled a consumer (its queue was deleted, say): without this the replica
   * would stay connected and healthy while consuming nothing. The queue is declared again
   * (with its bindings) and consumed again, retried every RESUBSCRIBE_DELAY_MS while it fails
   * (unless consuming is paused meanwhile: resuming subscribes it).
   */
  private onConsumerCancelled(channel: Channel, consumer: EventConsumer, oldTag: string): void {
    const { queue } = consumer;
    consumerCancellations.inc({ queue });
    this.log.warn({ queue }, 'the broker cancelled our consumer; subscribing again');
    if (consumer.tag === oldTag) consumer.tag = null;
    const attempt = async (): Promise<void> => {
      if (this.stopping || !this.consumers.has(channel) || this.gate.paused) return;
      if (consumer.tag !== null) return;
      try {
        consumer.tag = await consumer.subscribe();
        this.log.info({ queue }, 'consuming again after a cancellation');
      } catch (error) {
        this.log.error(
          { queue, err: (error as Error).message },
          'could not subscribe again; retrying',
        );
        setTimeout(() => void attempt(), RESUBSCRIBE_DELAY_MS).unref();
      }
    };
    void attempt();
  }

  /** A dependency is down: stop taking events (RPC requests still answer, with errors). */
  private async pauseEvents(): Promise<void> {
    for (const [channel, { events }] of this.consumers)
      for (const consumer of events) {
        const tag = consumer.tag;
        if (tag === null) continue;
        consumer.tag = null;
        // A quorum queue lists a cancelled consumer until the deliveries it holds are settled
        // (those in flight fail against the dead dependency and are deferred), then it is gone.
        await channel.cancel(tag).catch((error: Error) =>
          // The channel died: its reconnection declares the queue without consuming it.
          this.log.warn({ queue: consumer.queue, err: error.message }, 'could not cancel'),
        );
      }
    this.log.warn('event consumers paused');
  }

  /** The dependencies answer again: consume every event queue again. */
  private async resumeEvents(): Promise<void> {
    if (this.stopping) return;
    for (const [, { events }] of this.consumers)
      for (const consumer of events) {
        if (consumer.tag !== null || this.gate.paused) continue;
        try {
          consumer.tag = await consumer.subscribe();
        } catch (error) {
          // The channel died: its setup subscribes again on reconnection.
          this.log.warn(
            { queue: consumer.queue, err: (error as Error).message },
            'could not resume a consumer; the reconnection will',
          );
        }
      }
    this.log.info('event consumers resumed');
  }

  /** Resolves once the consumers are attached (for tests and benchmarks). */
  async waitUntilConsuming(): Promise<void> {
    await this.channel?.waitForConnect();
  }

  /** Stops taking new messages, then waits (bounded) for the ones being handled. */
  beforeApplicationShutdown(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  /** Nest calls this when the app closes; the AmqpConnection closes the channel afterwards. */
  async close(): Promise<void> {
    await this.beforeApplicationShutdown();
  }

  on(): void {
    throw new Error('RabbitMqTransport emits no transport events; listen on AmqpConnection');
  }

  unwrap<T>(): T {
    return this.connection.manager as T;
  }

  private async drain(): Promise<void> {
    for (const [channel, { events, rpcTag }] of this.consumers) {
      const tags = [...events.map((consumer) => consumer.tag), rpcTag];
      for (const tag of tags) if (tag !== null) await channel.cancel(tag).catch(() => undefined);
    }
    const pending = this.inFlight.size;
    if (pending > 0) {
      this.log.info({ pending }, 'waiting for in-flight messages');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, this.config.SHUTDOWN_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
    }
    await this.releaseRpcQueue();
  }

  /**
   * The last replica to stop cleanly takes the RPC queue with it, so callers get 503 at once
   * rather than wait out their timeout; while another replica consumes it the broker refuses
   * (`ifUnused`) and it stays. A replica that dies leaves it for RPC_QUEUE_EXPIRES_MS.
   */
  private async releaseRpcQueue(): Promise<void> {
    const connection = this.connection.manager.connection;
    const queue = this.rpcQueue;
    if (!queue || !connection) return;
    const release = async () => {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined); // a refusal closes this channel only
      await channel
        .deleteQueue(queue, { ifUnused: true })
        .then(() => this.log.info({ queue }, 'last replica: RPC queue deleted'))
        .catch(() => undefined);
      await channel.close().catch(() => undefined);
    };
    // Bounded: a broker that does not answer must not hold the shutdown.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      release().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, RELEASE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
  }

  /** Event patterns of this service's handlers; they must match EVENT_SUBSCRIPTIONS exactly. */
  private subscribedEventTypes(): EventType[] {
    const handled = [...this.messageHandlers.entries()]
      .filter(([, handler]) => handler.isEventHandler)
      .map(([pattern]) => pattern);
    const unknown = handled.filter((pattern) => !isEventType(pattern));
    if (unknown.length > 0) {
      throw new Error(
        `${this.service}: @EventPattern for unknown event types: ${unknown.join(', ')}`,
      );
    }
    const declared = [...(this.subscriptions[this.service] ?? [])].sort();
    const actual = [...handled].sort();
    if (declared.join() !== actual.join()) {
      throw new Error(
        `${this.service}: handlers for [${actual.join(', ')}] but EVENT_SUBSCRIPTIONS lists [${declared.join(', ')}]`,
      );
    }
    return actual as EventType[];
  }

  private eventHandler(type: EventType): (event: EventEnvelope) => Promise<void> {
    const handler = this.messageHandlers.get(type) as MessageHandler;
    return async (event) => {
      await lastValueFrom(this.transformToObservable(await handler(event)), {
        defaultValue: undefined,
      });
    };
  }

  private rpcHandler(pattern: string): ((request: RpcRequest) => Promise<unknown>) | undefined {
    const handler = this.messageHandlers.get(pattern);
    if (!handler || handler.isEventHandler) return undefined;
    return async (request) =>
      lastValueFrom(this.transformToObservable(await handler(request)), {
        defaultValue: undefined,
      });
  }

  private get signatureCheck(): SignatureCheck {
    return {
      secrets: this.config.messageSigningSecrets,
      acceptUnsigned: this.config.ACCEPT_UNSIGNED_MESSAGES,
    };
  }

  private track(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: Error) =>
        this.log.error({ err: error.message }, 'message handling failed unexpectedly'),
      )
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
