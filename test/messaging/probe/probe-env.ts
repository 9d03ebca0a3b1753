import { unroutedQueueName } from '@prepmate/messaging';
import { deleteTopology, isolatedEnv } from '@prepmate/testing';

/** Environment of one test's probe: its own exchange, queue prefix and database. */
export function probeEnv(
  label: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv(label);
  return {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    MONGO_DB: `${prefix}_${label}`,
    ...extra,
  };
}

export function probeQueue(env: Record<string, string>): string {
  return `${env.AMQP_QUEUE_PREFIX}normalization.submission.ingested`;
}

/** Removes the queues and exchanges a probe declared on the shared broker. */
export async function deleteProbeTopology(
  env: Record<string, string>,
  retryDelaysMs = [1000, 5000, 30000],
): Promise<void> {
  const queue = probeQueue(env);
  await deleteTopology(
    [
      queue,
      `${queue}.dlq`,
      ...retryDelaysMs.map((delay) => `${queue}.retry.${delay}ms`),
      unroutedQueueName(env.AMQP_EXCHANGE),
      `${env.AMQP_QUEUE_PREFIX}normalization.rpc`,
    ],
    [env.AMQP_EXCHANGE, `${env.AMQP_EXCHANGE}.unrouted`],
  );
}
