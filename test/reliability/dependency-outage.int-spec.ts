import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import {
  type FerretDbServer,
  isPortOpen,
  runCommand,
  startFerretDb,
  startRabbitMqServer,
} from '@prepmate/infra';
import {
  DependencyGate,
  EventPublisher,
  RabbitMqTransport,
  deadLetterQueueName,
  eventQueueName,
} from '@prepmate/messaging';
import {
  eventually,
  freePort,
  freePortBlock,
  ingestedEvent,
  isolatedEnv,
  sleep,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import { DatabaseWatchdog, ROOT_LOGGER, ServiceConfig, withinTimeout } from '@prepmate/platform';
import amqplib, { type ChannelModel } from 'amqplib';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, Model } from 'mongoose';
import type { Logger } from 'pino';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import {
  NORMALIZED_SUBMISSION_MODEL,
  type NormalizedSubmissionDocument,
} from '../../apps/normalization/src/normalizing/normalized-submission.schema';

const SUBMISSIONS = 300;
/** A short ladder: without pausing, an outage of a few seconds sends everything to the DLQ. */
const RETRY_DELAYS = '200,400,800';

/**
 * While the database is down the consumers pause instead of burning the retry ladder into the
 * DLQ, and resume once it answers (docs/reliability.md "Dependency outages"). The database is
 * this test's own FerretDB (its own PostgreSQL database), stopped and started again; the shared
 * one is never touched. The broker is the test's own node too: the shared one, busy with every
 * other test's queues, can be slow to answer, which is not what this test is about.
 */
describe('a database outage mid-flow', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('outage');
  const queuePrefix = `${prefix}.`;
  const postgresDatabase = `prepmate_outage_${process.pid}`;
  const log = (line: string) => process.stdout.write(`[outage ferretdb] ${line}\n`);
  let port: number;
  let dataDir: string;
  let ferret: FerretDbServer | undefined;
  let broker: Awaited<ReturnType<typeof startRabbitMqServer>> | undefined;
  let service: TestService;
  let raw: ChannelModel;

  beforeAll(async () => {
    port = await freePort();
    dataDir = await mkdtemp(join(tmpdir(), 'prepmate-outage-'));
    // As root the broker runs as the rabbitmq user, who must be able to enter the folder.
    await chmod(dataDir, 0o755);
    const brokerPort = await freePortBlock(1, 25_700, 29_000);
    broker = await startRabbitMqServer(brokerPort, join(dataDir, 'broker'), log);
    const amqpUrl = `amqp://guest:guest@127.0.0.1:${brokerPort}`;
    ferret = await startFerretDb(port, dataDir, log, {
      postgresDatabase,
      postgresPoolMaxConns: 20,
    });
    service = await startTestService({
      module: NormalizationModule,
      transport: RabbitMqTransport,
      env: {
        AMQP_URL: amqpUrl,
        AMQP_EXCHANGE,
        AMQP_QUEUE_PREFIX: queuePrefix,
        MONGO_URL: ferret.url,
        MONGO_DB: `${prefix}_normalization`,
        AMQP_RETRY_DELAYS_MS: RETRY_DELAYS,
        AMQP_PREFETCH: '20',
        DEPENDENCY_PROBE_EVERY_MS: '250',
        DEPENDENCY_PROBE_TIMEOUT_MS: '1000',
        // The second test drives its own watchdog; the service's must not act meanwhile.
        DB_REBUILD_AFTER_MS: '600000',
      },
    });
    raw = await amqplib.connect(amqpUrl);
  }, 300_000);

  afterAll(async () => {
    await raw?.close();
    await service?.app
      .get<Connection>(getConnectionToken())
      .dropDatabase()
      .catch(() => undefined);
    await service?.close();
    await broker?.server.stop(30_000);
    await ferret?.process.stop();
    if (dataDir)
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
    if (await isPortOpen('127.0.0.1', 5432))
      await runCommand('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', postgresDatabase]);
  }, 120_000);

  it('pauses while the database is down, puts nothing in the DLQ and counts every submission once after it returns', async () => {
    const queue = eventQueueName('normalization', 'submission.ingested', queuePrefix);
    const records = service.app.get<Model<NormalizedSubmissionDocument>>(
      getModelToken(NORMALIZED_SUBMISSION_MODEL),
    );
    const gate = service.app.get(DependencyGate);
    const publisher = service.app.get(EventPublisher);
    const ids = Array.from({ length: SUBMISSIONS }, (_, i) => `outage-${i}`);
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i++)
        await publisher.publish(
          ingestedEvent(i, {
            submissionId: ids[i],
            userId: `outage-user-${i % 5}`,
            platformSubmissionId: `outage-${i}`,
          }),
        );
    };
    await publish(0, SUBMISSIONS / 2);
    // Mid-flow: some normalized, then the database goes away and the rest arrives meanwhile.
    await eventually(
      () => records.countDocuments({}),
      (count) => count >= 10,
      { what: 'the first submissions normalized', timeoutMs: 60_000 },
    );
    await ferret!.process.stop();
    ferret = undefined;
    await publish(SUBMISSIONS / 2, SUBMISSIONS);

    await eventually(
      () => Promise.resolve(gate.paused),
      (paused) => paused,
      { what: 'consuming to pause', timeoutMs: 30_000 },
    );
    const ready = await fetch(`${service.url}/health/ready`);
    expect(ready.status).toBe(503);
    const probe = await raw.createChannel();
    // Closed gate: a failed delivery goes back through the first retry queue without counting
    // an attempt, so an outage longer than the whole retry ladder (1 s + 5 s + 30 s) dead-letters
    // nothing. The event consumers are cancelled: a quorum queue lists a cancelled consumer until
    // the deliveries it holds are settled (those in flight fail against the dead database within
    // the driver's server selection timeout and are deferred), then the messages wait unconsumed.
    const paused = await eventually(
      () => probe.checkQueue(queue),
      (state) => state.consumerCount === 0,
      { what: 'the broker to see the event consumer gone', timeoutMs: 45_000 },
    );
    await sleep(40_000);
    const waiting = await probe.checkQueue(queue);
    expect(waiting.consumerCount).toBe(0);
    expect(waiting.messageCount).toBeGreaterThanOrEqual(paused.messageCount);
    expect((await probe.checkQueue(deadLetterQueueName(queue))).messageCount).toBe(0);

    ferret = await startFerretDb(port, dataDir, log, {
      postgresDatabase,
      postgresPoolMaxConns: 20,
    });
    await eventually(
      () => records.countDocuments({ _id: { $in: ids } }),
      (count) => count === SUBMISSIONS,
      { what: 'every submission normalized after the database returned', timeoutMs: 120_000 },
    );
    expect(gate.paused).toBe(false);
    expect((await probe.checkQueue(queue)).consumerCount).toBeGreaterThan(0);
    expect((await probe.checkQueue(deadLetterQueueName(queue))).messageCount).toBe(0);
    // Each once: one record per submission, nothing else.
    expect(await records.countDocuments({})).toBe(SUBMISSIONS);
    await probe.close();
  });

  it('rebuilds a database client left wedged by an outage, and consuming resumes', async () => {
    const connection = service.app.get<Connection>(getConnectionToken());
    const records = service.app.get<Model<NormalizedSubmissionDocument>>(
      getModelToken(NORMALIZED_SUBMISSION_MODEL),
    );
    const ping = () =>
      withinTimeout(() => connection.db!.command({ ping: 1 }), 2_000).then(
        (answered) => answered && connection.readyState === 1,
      );
    expect(await ping()).toBe(true);
    // The MongoDB driver 6.20 can be left with a server monitor whose check never ends (seen in
    // the fault suite: server "Unknown" for good, every operation failing its server selection).
    // Its monitors stopped here stand for that; the rest is real: the database goes away, an
    // operation fails, the database comes back. Whether that failure marks the server unknown
    // depends on how the socket died (a network timeout does not: CI saw the client recover on
    // its own), so the server is then marked unknown as the failure would, and the test does
    // not depend on that timing.
    const topology = (connection.getClient() as unknown as { topology: WedgeableTopology })
      .topology;
    for (const server of topology.s.servers.values()) server.monitor?.close();
    await ferret!.process.stop();
    ferret = undefined;
    await expect(records.countDocuments({})).rejects.toThrow();
    for (const server of topology.s.servers.values()) {
      const Description = server.description.constructor as new (address: string) => unknown;
      topology.serverUpdateHandler(new Description(server.description.address));
    }
    ferret = await startFerretDb(port, dataDir, log, {
      postgresDatabase,
      postgresPoolMaxConns: 20,
    });
    // More than the driver's 10 s heartbeat: a healthy client would be back by now.
    await sleep(12_000);
    expect(await ping()).toBe(false);

    const config = service.app.get(ServiceConfig);
    const watchdog = new DatabaseWatchdog(
      connection,
      Object.assign(Object.create(config) as ServiceConfig, { DB_REBUILD_AFTER_MS: 1_000 }),
      service.app.get<Logger>(ROOT_LOGGER),
    );
    // First check: only a fresh client answers; the wedge is timed from here.
    expect(await watchdog.check()).toBe(false);
    await sleep(1_100);
    expect(await watchdog.check()).toBe(true);
    expect(await ping()).toBe(true);

    // The models work on the rebuilt client, and the paused consumers take events again.
    const publisher = service.app.get(EventPublisher);
    for (let i = 0; i < 5; i++)
      await publisher.publish(
        ingestedEvent(SUBMISSIONS + i, {
          submissionId: `wedge-${i}`,
          userId: 'wedge-user',
          platformSubmissionId: `wedge-${i}`,
        }),
      );
    await eventually(
      () => records.countDocuments({ userId: 'wedge-user' }),
      (count) => count === 5,
      { what: 'events normalized on the rebuilt client', timeoutMs: 60_000 },
    );
    expect(await watchdog.check()).toBe(false);
  });
});

/** What the test reaches inside the driver to stop a server's monitor and mark it unknown. */
interface Wedgeable {
  monitor?: { close(): void };
  description: { address: string; constructor: unknown };
}

interface WedgeableTopology {
  s: { servers: Map<string, Wedgeable> };
  serverUpdateHandler(description: unknown): void;
}
