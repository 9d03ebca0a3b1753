import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type EventEnvelope, LIVE_EVENT_TYPES, type LiveEventType } from '@prepmate/contracts';
import {
  AmqpConnection,
  checkMessageSignature,
  declareExchanges,
  HEADERS,
} from '@prepmate/messaging';
import { ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { Logger } from 'pino';
import { v4 as uuidv4 } from 'uuid';
import { LiveStreams } from './live-streams';

/**
 * This gateway replica's feed of live events: its own exclusive, auto-deleted queue bound to
 * LIVE_EVENT_TYPES, so every replica receives every live event and writes it to the streams it
 * holds. Nothing is acknowledged or retried: the events are already stored by their producer,
 * and a client that was not connected reads them from the API when it reconnects. A new queue
 * is declared on every (re)connection.
 */
@Injectable()
export class LiveEventsConsumer implements OnApplicationBootstrap {
  private readonly log: Logger;
  private channel?: ChannelWrapper;

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly streams: LiveStreams,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'live-events' });
  }

  onApplicationBootstrap(): void {
    const exchange = this.config.AMQP_EXCHANGE;
    this.channel = this.amqp.createChannel({
      name: 'gateway-live-events',
      json: false,
      setup: async (channel: ConfirmChannel) => {
        await declareExchanges(channel, exchange, this.config.AMQP_QUEUE_EXPIRES_MS);
        const { queue } = await channel.assertQueue(
          `${this.config.AMQP_QUEUE_PREFIX}gateway.live.${uuidv4()}`,
          { exclusive: true, autoDelete: true, durable: false },
        );
        for (const type of LIVE_EVENT_TYPES) await channel.bindQueue(queue, exchange, type);
        await channel.consume(queue, (message) => this.onMessage(message), { noAck: true });
        this.log.info({ queue }, 'consuming live events');
      },
    });
  }

  /** Resolves once the replica's queue is bound and consumed (tests wait for it). */
  async waitUntilConsuming(): Promise<void> {
    await this.channel?.waitForConnect();
  }

  private onMessage(message: ConsumeMessage | null): void {
    if (!message) return;
    // Only events this system signed reach a learner's stream (docs/security.md).
    const verdict = checkMessageSignature(
      'event',
      message.content,
      message.properties.headers?.[HEADERS.signature] as unknown,
      {
        secrets: this.config.messageSigningSecrets,
        acceptUnsigned: this.config.ACCEPT_UNSIGNED_MESSAGES,
      },
    );
    if (verdict === 'refused') {
      this.log.warn('live event dropped: not signed by this system');
      return;
    }
    try {
      const event = JSON.parse(message.content.toString('utf8')) as EventEnvelope<LiveEventType>;
      if (!(LIVE_EVENT_TYPES as readonly string[]).includes(event.type)) return;
      const written = this.streams.deliver(event);
      if (written > 0)
        this.log.debug(
          { type: event.type, eventId: event.eventId, written },
          'live event delivered',
        );
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'live event dropped: not an event envelope');
    }
  }
}
