import { EVENT_SUBSCRIPTIONS, type ServiceName } from '@prepmate/contracts';
import { runCommand } from '@prepmate/infra';
import {
  deadLetterQueueName,
  eventQueueName,
  retryQueueName,
  unroutedExchangeName,
  unroutedQueueName,
} from '@prepmate/messaging';
import amqplib, { type ChannelModel } from 'amqplib';
import { readFile } from 'node:fs/promises';
import { INFRA_FILE, type InfraFile } from './infra-file';

export function amqpUrl(): string {
  const url = process.env.AMQP_URL;
  if (!url)
    throw new Error(
      'AMQP_URL is not set: run the tests through jest (its global setup provides it)',
    );
  return url;
}

/** A plain amqplib connection, for tests that look at queues from outside our code. */
export function connectRaw(): Promise<ChannelModel> {
  return amqplib.connect(amqpUrl());
}

/** Stops and starts the broker (its data kept), as the test setup found out how to. */
export async function restartBroker(): Promise<void> {
  const infra = JSON.parse(await readFile(INFRA_FILE, 'utf8')) as InfraFile;
  if (!infra.brokerRestartCommands) {
    throw new Error(
      `the broker at ${infra.amqpUrl} cannot be restarted from this machine (remote AMQP_URL)`,
    );
  }
  for (const [command, ...args] of infra.brokerRestartCommands) {
    const result = await runCommand(command, args, { timeoutMs: 120_000 });
    if (result.code !== 0)
      throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  }
}

/** Deletes queues and exchanges a test declared (names from its isolated exchange). */
export async function deleteTopology(queues: string[], exchanges: string[]): Promise<void> {
  const connection = await connectRaw();
  try {
    for (const queue of queues) {
      const channel = await connection.createChannel();
      await channel.deleteQueue(queue).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
    for (const exchange of exchanges) {
      const channel = await connection.createChannel();
      await channel.deleteExchange(exchange).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}

const DEFAULT_RETRY_DELAYS_MS = [1000, 5000, 30_000];

/**
 * Every queue and exchange a test system declared on its own exchange and queue prefix (the
 * event queues of EVENT_SUBSCRIPTIONS with their retry and dead-letter queues), for cleanup.
 */
export function systemTopology(
  exchange: string,
  queuePrefix: string,
): { queues: string[]; exchanges: string[] } {
  const queues = Object.entries(EVENT_SUBSCRIPTIONS).flatMap(([service, types]) =>
    types.flatMap((type) => {
      const queue = eventQueueName(service as ServiceName, type, queuePrefix);
      return [
        queue,
        deadLetterQueueName(queue),
        ...DEFAULT_RETRY_DELAYS_MS.map((delay) => retryQueueName(queue, delay)),
      ];
    }),
  );
  return {
    queues: [...queues, unroutedQueueName(exchange)],
    exchanges: [exchange, unroutedExchangeName(exchange)],
  };
}

/** Deletes what a test system declared on its exchange and queue prefix (see systemTopology). */
export async function deleteSystemTopology(exchange: string, queuePrefix: string): Promise<void> {
  const { queues, exchanges } = systemTopology(exchange, queuePrefix);
  await deleteTopology(queues, exchanges);
}
