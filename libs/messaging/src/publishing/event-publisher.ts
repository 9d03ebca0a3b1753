import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, EventType } from '@prepmate/contracts';
import { ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import type { Logger } from 'pino';
import { AmqpConnection } from '../amqp-connection';
import { eventsPublished, publishFailures } from '../messaging.metrics';
import { declareTopology } from '../topology/declare';
import { EVENT_SUBSCRIPTIONS_TOKEN } from '../transport/subscriptions.token';
import { signMessage } from '../signing/message-signature';
import { HEADERS } from '../topology/names';
import { UnroutableMessageError } from './publish-errors';

/** How long a publish may wait for the broker (connection or confirm) before it fails. */
const PUBLISH_TIMEOUT_MS = 10_000;

/**
 * Publishes on a confirm channel: persistent, `mandatory`, resolved only when the broker
 * has confirmed the message, rejected when it was returned unroutable or not confirmed in
 * time. Nothing is fire-and-forget; callers that must not lose an event use the outbox.
 */
@Injectable()
export class EventPublisher {
  private readonly channel: ChannelWrapper;
  private readonly log: Logger;
  /** Message ids the broker returned; the confirm that follows a return is then a failure. */
  private readonly returned = new Set<string>();
  private readonly exchange: string;
  private readonly signingSecret: string;

  constructor(
    connection: AmqpConnection,
    config: ServiceConfig,
    @Inject(EVENT_SUBSCRIPTIONS_TOKEN) subscriptions: Record<string, readonly EventType[]>,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.exchange = config.AMQP_EXCHANGE;
    this.signingSecret = config.messageSigningSecrets[0];
    this.log = logger.child({ component: 'publisher' });
    this.channel = connection.createChannel({
      name: 'publisher',
      confirm: true,
      publishTimeout: PUBLISH_TIMEOUT_MS,
      setup: async (channel: ConfirmChannel) => {
        channel.on('return', (message: ConsumeMessage) => {
          const id = message.properties.messageId as string | undefined;
          if (id) this.returned.add(id);
        });
        await declareTopology(channel, {
          eventsExchange: this.exchange,
          queuePrefix: config.AMQP_QUEUE_PREFIX,
          subscriptions,
          retryDelaysMs: config.retryDelaysMs,
          queueExpiresMs: config.AMQP_QUEUE_EXPIRES_MS,
          unroutedMaxLength: config.AMQP_UNROUTED_MAX_LENGTH,
        });
      },
    });
  }

  /**
   * Publishes one event on the events exchange with its type as routing key, signed (the
   * consumers refuse unsigned events; retries and replays keep the signature header).
   */
  async publish(event: EventEnvelope): Promise<void> {
    const content = Buffer.from(JSON.stringify(event));
    await this.send(this.exchange, event.type, content, {
      messageId: event.eventId,
      type: event.type,
      headers: {
        [HEADERS.correlationId]: event.correlationId,
        [HEADERS.signature]: signMessage('event', content, this.signingSecret),
      },
    });
    eventsPublished.inc({ type: event.type });
  }

  /**
   * Publishes raw bytes (retry, dead-letter and replay paths). `messageId` is required: it is
   * how a returned message is matched to its publish.
   */
  async send(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: Options.Publish & { messageId: string },
  ): Promise<void> {
    try {
      await this.channel.publish(exchange, routingKey, content, {
        contentType: 'application/json',
        persistent: true,
        mandatory: true,
        timestamp: Math.floor(Date.now() / 1000),
        ...options,
      });
    } catch (error) {
      publishFailures.inc({ reason: 'not_confirmed' });
      throw error;
    }
    if (this.returned.delete(options.messageId)) {
      publishFailures.inc({ reason: 'unroutable' });
      this.log.error(
        { exchange, routingKey, messageId: options.messageId },
        'publish returned unroutable',
      );
      throw new UnroutableMessageError(exchange, routingKey);
    }
  }
}
