import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOT_LOGGER, ServiceConfig } from '@prepmate/platform';
import type { ChannelModel } from 'amqplib';
import type { Logger } from 'pino';
import { AmqpConnection } from '../amqp-connection';
import { unroutedEvents } from '../messaging.metrics';
import { legacyUnroutedQueueName, unroutedExchangeName, unroutedQueueName } from './names';

/** How often the depth of the unrouted queue is read. */
export const UNROUTED_CHECK_INTERVAL_MS = 30_000;

/**
 * Watches the unrouted queue (events published while no queue was bound for their type):
 * its depth is the gauge `messaging_unrouted_events`, and a warning names how many arrived
 * since the last look. Once per process it also unbinds the unbounded unrouted queue of
 * earlier versions from the alternate exchange, so it stops growing, and tells the operator
 * how to remove it (the broker cannot give an existing queue a length limit).
 * Every look uses a channel of its own: a queue that is missing closes the channel that asked.
 */
@Injectable()
export class UnroutedMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private lastDepth?: number;
  private legacyChecked = false;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'unrouted' });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), UNROUTED_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One look; returns the depth, or undefined when the broker could not be asked. */
  async check(): Promise<number | undefined> {
    const model = this.connection.manager.connection;
    if (!model) return undefined;
    try {
      if (!this.legacyChecked) {
        await this.retireLegacyQueue(model);
        this.legacyChecked = true;
      }
      const depth = await withChannel(model, async (channel) => {
        const { messageCount } = await channel.checkQueue(
          unroutedQueueName(this.config.AMQP_EXCHANGE),
        );
        return messageCount;
      });
      unroutedEvents.set(depth);
      if (depth > (this.lastDepth ?? 0)) {
        this.log.warn(
          {
            queue: unroutedQueueName(this.config.AMQP_EXCHANGE),
            depth,
            arrived: depth - (this.lastDepth ?? 0),
          },
          'events were published that no queue is bound for',
        );
      }
      this.lastDepth = depth;
      return depth;
    } catch (error) {
      this.log.debug({ err: (error as Error).message }, 'could not read the unrouted queue');
      return undefined;
    }
  }

  private async retireLegacyQueue(model: ChannelModel): Promise<void> {
    const legacy = legacyUnroutedQueueName(this.config.AMQP_EXCHANGE);
    const found = await withChannel(model, (channel) => channel.checkQueue(legacy)).catch(
      () => undefined,
    );
    if (!found) return;
    await withChannel(model, (channel) =>
      channel.unbindQueue(legacy, unroutedExchangeName(this.config.AMQP_EXCHANGE), ''),
    );
    this.log.warn(
      { queue: legacy, messages: found.messageCount },
      `the unbounded unrouted queue of an earlier version was unbound; inspect it, then delete it (rabbitmqctl delete_queue ${legacy})`,
    );
  }
}

async function withChannel<T>(
  model: ChannelModel,
  work: (channel: Awaited<ReturnType<ChannelModel['createChannel']>>) => Promise<T>,
): Promise<T> {
  const channel = await model.createChannel();
  channel.on('error', () => undefined);
  try {
    return await work(channel);
  } finally {
    await channel.close().catch(() => undefined);
  }
}
