import { getConnectionToken } from '@nestjs/mongoose';
import { EventPublisher, RabbitMqTransport, WriteBatcher } from '@prepmate/messaging';
import { insertNew } from '@prepmate/platform';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { deleteTopology, ingestedEvent, isolatedEnv, startTestService } from '@prepmate/testing';
import amqplib from 'amqplib';
import type { Connection } from 'mongoose';
import { progress, writeResult } from './bench-output';
import { BENCH_SUBSCRIPTIONS, BrokerBenchModule, delivered } from './broker-bench.module';

const TOTAL = Number(process.env.BENCH_BROKER_MESSAGES ?? 100_000);
/** Publishes awaiting their confirm at once, in both runs. */
const IN_FLIGHT = 1000;
const PREFETCH = 32;

/** Keeps `IN_FLIGHT` confirmations outstanding until `total` are confirmed. */
async function publishWindowed(
  total: number,
  publishOne: (n: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const n = next;
      next += 1;
      await publishOne(n);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

function reporter(label: string) {
  const step = Math.max(1, Math.floor(TOTAL / 10));
  return (count: number) => {
    if (count % step === 0) progress(`${label}: ${count}/${TOTAL} consumed`);
  };
}

/** Plain amqplib: confirm channel, persistent messages, a quorum queue, manual acks. */
async function runRaw(): Promise<number> {
  const { prefix } = isolatedEnv('bench-raw');
  const queue = `${prefix}.raw-bench`;
  // The same socket setting as libs/messaging (Nagle off), so only the library differs.
  const connection = await amqplib.connect(process.env.AMQP_URL!, { noDelay: true });
  const publishChannel = await connection.createConfirmChannel();
  const consumeChannel = await connection.createChannel();
  await publishChannel.assertQueue(queue, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum' },
  });
  await consumeChannel.prefetch(PREFETCH);
  let consumed = 0;
  const report = reporter('raw amqplib');
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  await consumeChannel.consume(queue, (message) => {
    if (!message) return;
    JSON.parse(message.content.toString());
    consumeChannel.ack(message);
    consumed += 1;
    report(consumed);
    if (consumed === TOTAL) finish();
  });
  const started = process.hrtime.bigint();
  await publishWindowed(
    TOTAL,
    (n) =>
      new Promise<void>((resolve, reject) => {
        const body = Buffer.from(JSON.stringify(ingestedEvent(n)));
        publishChannel.sendToQueue(
          queue,
          body,
          { persistent: true, mandatory: true, contentType: 'application/json' },
          (error) => (error ? reject(error) : resolve()),
        );
      }),
  );
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await consumeChannel.deleteQueue(queue);
  await connection.close();
  return TOTAL / seconds;
}

/** The same through libs/messaging: EventPublisher (confirms, mandatory) → transport (idempotency, ack after effect). */
async function runLibrary(): Promise<number> {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('bench-lib');
  const env = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    MONGO_DB: `${prefix}_bench`,
    AMQP_PREFETCH: String(PREFETCH),
  };
  const service = await startTestService({
    module: BrokerBenchModule.create(),
    overrides: [BENCH_SUBSCRIPTIONS],
    transport: RabbitMqTransport,
    env,
  });
  await service.app.get(RabbitMqTransport).waitUntilConsuming();
  const publisher = service.app.get(EventPublisher);
  const report = reporter('libs/messaging');
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  delivered.count = 0;
  delivered.onCount = (count) => {
    report(count);
    if (count === TOTAL) finish();
  };
  const started = process.hrtime.bigint();
  await publishWindowed(TOTAL, (n) => publisher.publish(ingestedEvent(n)));
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Let the last acks and idempotency records land before tearing down.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await service.app.get<Connection>(getConnectionToken()).dropDatabase();
  await service.close();
  const queue = `${prefix}.normalization.submission.ingested`;
  await deleteTopology(
    [
      queue,
      `${queue}.dlq`,
      `${queue}.retry.1000ms`,
      `${queue}.retry.5000ms`,
      `${queue}.retry.30000ms`,
      `${AMQP_EXCHANGE}.unrouted`,
    ],
    [AMQP_EXCHANGE, `${AMQP_EXCHANGE}.unrouted`],
  );
  return TOTAL / seconds;
}

const CLAIMS = Number(process.env.BENCH_BROKER_CLAIMS ?? 20_000);
const RETENTION_MS = 168 * 3_600_000;

/**
 * Idempotency claims alone, the cost libs/messaging adds per delivery: CLAIMS claims,
 * IN_FLIGHT at once, batched as the transport batches them (WriteBatcher), (a) as one
 * unordered `insertMany` per batch into a processed_events collection (unique `_id`, what
 * libs/messaging does), (b) as one Redis pipeline of `SET key 1 NX PX <retention>` per batch.
 * Each is claimed twice: the second pass must find every claim taken.
 */
export async function runClaims(): Promise<{ databasePerSec: number; redisPerSec: number }> {
  const { prefix } = isolatedEnv('bench-claims');
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL!, { dbName: `${prefix}_claims` })
    .asPromise();
  const collection = connection.collection<{ _id: string; processedAt: Date }>('processed_events');
  const redis = new Redis(process.env.REDIS_URL!);
  const keyOf = (n: number) => `q:${prefix}-event-${n}`;
  const timed = async (claim: (n: number) => Promise<boolean>) => {
    let fresh = 0;
    const started = process.hrtime.bigint();
    await publishWindowed(CLAIMS, async (n) => {
      if (await claim(n)) fresh += 1;
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let again = 0;
    await publishWindowed(CLAIMS, async (n) => {
      if (await claim(n)) again += 1;
    });
    if (fresh !== CLAIMS || again !== 0)
      throw new Error(`claims: ${fresh} fresh of ${CLAIMS}, then ${again} claimed twice`);
    return CLAIMS / seconds;
  };
  try {
    const database = new WriteBatcher<number, boolean>(async (batch) => {
      const taken = await insertNew(
        collection,
        batch.map((n) => ({ _id: keyOf(n), processedAt: new Date() })),
      );
      return batch.map((_, index) => !taken.has(index));
    });
    const databasePerSec = await timed((n) => database.add(n));
    progress(`claims in the database (batched insertMany): ${Math.round(databasePerSec)}/s`);
    const inRedis = new WriteBatcher<number, boolean>(async (batch) => {
      const pipeline = redis.pipeline();
      for (const n of batch)
        pipeline.set(`${prefix}:claim:${keyOf(n)}`, '1', 'PX', RETENTION_MS, 'NX');
      const results = (await pipeline.exec()) ?? [];
      return results.map(([error, reply]) => {
        if (error) throw error;
        return reply === 'OK';
      });
    });
    const redisPerSec = await timed((n) => inRedis.add(n));
    progress(`claims in Redis (pipelined SET NX PX): ${Math.round(redisPerSec)}/s`);
    return { databasePerSec, redisPerSec };
  } finally {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix}:claim:*`,
        'COUNT',
        1000,
      );
      if (keys.length > 0) await redis.del(...keys);
      cursor = nextCursor;
    } while (cursor !== '0');
    redis.disconnect();
    await connection.dropDatabase();
    await connection.close();
  }
}

export async function brokerBenchmark(): Promise<void> {
  progress(
    `broker: ${TOTAL} persistent messages with publisher confirms, ${IN_FLIGHT} in flight, prefetch ${PREFETCH}`,
  );
  const rawMsgsPerSec = await runRaw();
  progress(`raw amqplib: ${Math.round(rawMsgsPerSec)} msg/s`);
  const libMsgsPerSec = await runLibrary();
  progress(`libs/messaging: ${Math.round(libMsgsPerSec)} msg/s`);
  progress(`claims: ${CLAIMS} idempotency claims, ${IN_FLIGHT} at once, database vs Redis`);
  const claims = await runClaims();
  await writeResult('broker', {
    messages: TOTAL,
    rawMsgsPerSec: Math.round(rawMsgsPerSec),
    libMsgsPerSec: Math.round(libMsgsPerSec),
    ratio: Math.round((libMsgsPerSec / rawMsgsPerSec) * 1000) / 1000,
    claims: {
      claims: CLAIMS,
      databaseBatchedInsertPerSec: Math.round(claims.databasePerSec),
      redisSetNxPerSec: Math.round(claims.redisPerSec),
    },
    goal: { ratio: 0.5 },
  });
}
