import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ROOT_LOGGER, SERVICE_NAME, ServiceConfig } from '@prepmate/platform';
import amqp, { type AmqpConnectionManager, type ChannelWrapper, type CreateChannelOpts } from 'amqp-connection-manager';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';

const connectedGauge = new Gauge({ name: 'messaging_broker_connected', help: '1 while connected to RabbitMQ' });

/**
 * The process's one connection to RabbitMQ. It reconnects by itself (1 s apart, 5 s
 * heartbeats); channels created from it re-run their setup (topology, consumers) on every
 * reconnection.
 */
@Injectable()
export class AmqpConnection implements OnApplicationShutdown {
  readonly manager: AmqpConnectionManager;
  private readonly log: Logger;

  constructor(config: ServiceConfig, @Inject(ROOT_LOGGER) logger: Logger, @Inject(SERVICE_NAME) service: string) {
    this.log = logger.child({ component: 'amqp' });
    this.manager = amqp.connect([config.AMQP_URL], {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
      connectionOptions: { clientProperties: { connection_name: `${service}:${process.pid}` } },
    });
    this.manager.on('connect', ({ url }) => {
      connectedGauge.set(1);
      this.log.info({ broker: redact(String(url)) }, 'connected to broker');
    });
    this.manager.on('disconnect', ({ err }) => {
      connectedGauge.set(0);
      this.log.warn({ err: err?.message }, 'disconnected from broker; reconnecting');
    });
    this.manager.on('connectFailed', ({ err }) => this.log.warn({ err: err?.message }, 'broker connection failed; retrying'));
    this.manager.on('blocked', ({ reason }) => this.log.warn({ reason }, 'broker blocked publishing'));
    this.manager.on('unblocked', () => this.log.info('broker unblocked publishing'));
  }

  isConnected(): boolean {
    return this.manager.isConnected();
  }

  createChannel(options: CreateChannelOpts): ChannelWrapper {
    return this.manager.createChannel(options);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.manager.close();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
