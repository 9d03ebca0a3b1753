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
import { EventDelivery } from '../consuming/event-delivery';
import { ProcessedEventStore } from '../idempotency/processed-event.store';
import { consumerCancellations } from '../messaging.metrics';
import { EventPublisher } from '../publishing/event-publisher';
import { RpcResponder } from '../rpc/rpc-responder';
import type { SignatureCheck } from '../signing/message-signature';
import { declareEventQueue, declareExchanges, declareRpcQueue } from '../topology/declare';
import { eventQueueName, rpcQueueName } from '../topology/names';
import { EVENT_SUBSCRIPTIONS_TOKEN } from './subscriptions.token';

/** Pause between attempts to consume a queue again after the broker cancelled its consumer. */
const RESUBSCRIBE_DELAY_MS = 1000;

/**
 * The service's side of the broker as a Nest transport, so handlers stay idiomatic:
 * `@EventPattern('submission.ingested')` consumes the durable quorum queue
 * `<service>.submission.ingested` (with retry and dead-letter queues), and
 * `@MessagePattern('...')` answers requests on `<service>.rpc`. Consumers are set up again
 * on every reconnection and after the broker cancels one (its queue deleted); prefetch bounds
 * what a replica holds; SIGTERM stops consuming and waits for in-flight messages before the
 * connection closes.
 */
@Injectable()
export class RabbitMqTransport
  extends Server
  implements CustomTransportStrategy, BeforeApplicationShutdown
{
  private channel?: ChannelWrapper;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly consumerTags = new Map<Channel, string[]>();
  private stopping?: Promise<void>;
  private readonly log: Logger;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly publisher: EventPublisher,
    private readonly processed: ProcessedEventStore,
    private readonly config: ServiceConfig,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(EVENT_SUBSCRIPTIONS_TOKEN)
    private readonly subscriptions: Record<string, readonly EventType[]>,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'transport' });
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
      );
      return { type, queue, delivery };
    });
    const rpcQueue = rpcQueueName(this.service, this.config.AMQP_QUEUE_PREFIX);
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
        const tags: string[] = [];
        for (const { type, queue, delivery } of deliveries) {
          const subscribe = async (): Promise<string> => {
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
              else this.onConsumerCancelled(channel, queue, tag, subscribe);
            }));
            return tag;
          };
          tags.push(await subscribe());
        }
        await declareRpcQueue(channel, rpcQueue);
        const { consumerTag } = await channel.consume(
          rpcQueue,
          (message) => message && this.track(rpc.handle(channel, message)),
        );
        tags.push(consumerTag);
        this.consumerTags.set(channel, tags);
        channel.on('close', () => this.consumerTags.delete(channel));
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
   * (with its bindings) and consumed again, retried every RESUBSCRIBE_DELAY_MS while it fails.
   */
  private onConsumerCancelled(
    channel: Channel,
    queue: string,
    oldTag: string,
    subscribe: () => Promise<string>,
  ): void {
    consumerCancellations.inc({ queue });
    this.log.warn({ queue }, 'the broker cancelled our consumer; subscribing again');
    const attempt = async (): Promise<void> => {
      if (this.stopping || !this.consumerTags.has(channel)) return;
      try {
        const tag = await subscribe();
        const tags = this.consumerTags.get(channel) ?? [];
        this.consumerTags.set(channel, [...tags.filter((t) => t !== oldTag), tag]);
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
    for (const [channel, tags] of this.consumerTags) {
      for (const tag of tags) await channel.cancel(tag).catch(() => undefined);
    }
    const pending = this.inFlight.size;
    if (pending === 0) return;
    this.log.info({ pending }, 'waiting for in-flight messages');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, this.config.SHUTDOWN_TIMEOUT_MS))),
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
