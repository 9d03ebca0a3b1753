import type { ServiceName } from '@prepmate/contracts';
import { createEvent, HEADERS, signMessage } from '@prepmate/messaging';
import { DEV_MESSAGE_SIGNING_SECRET } from '@prepmate/platform';
import { freePort } from '@prepmate/testing';
import amqp from 'amqplib';
import type { ChildProcess } from 'node:child_process';
import { type BenchSystem, stopProcesses } from '../bench/bench-processes';
import type { ChaosInfra } from './chaos-infra';

export const SERVICES: readonly ServiceName[] = [
  'auth',
  'ingestion',
  'normalization',
  'aggregation',
  'roadmap',
  'synergy',
  'advisory',
];

export interface FaultContext {
  system: BenchSystem;
  infra: ChaosInfra;
  log: (line: string) => void;
}

/**
 * One fault: `prepare` runs before the import (extra replicas), `inject` mid-import and
 * resolves when the fault has ended (the killed process is back, the server restarted).
 */
export interface Scenario {
  name: string;
  /** Messages this scenario must leave in the DLQs (the poison message: 1). */
  expectedDlq: number;
  prepare?(context: FaultContext): Promise<void>;
  inject(context: FaultContext): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function kill9(service: ServiceName): Scenario {
  return {
    name: `kill9-${service}`,
    expectedDlq: 0,
    async inject({ system, log }) {
      const child = system.processes.get(service)!;
      log(`  kill -9 ${service} (pid ${child.pid})`);
      child.kill('SIGKILL');
      await sleep(2000);
      await system.spawn(service);
      log(`  ${service} restarted and ready`);
    },
  };
}

/** Two more replicas of normalization and aggregation; mid-import two of each three die. */
function replicas(): Scenario {
  const extras = new Map<ServiceName, ChildProcess[]>();
  return {
    name: 'kill9-two-of-three-replicas',
    expectedDlq: 0,
    async prepare({ system, log }) {
      for (const service of ['normalization', 'aggregation'] as const) {
        const started = [
          await system.spawn(service, await freePort()),
          await system.spawn(service, await freePort()),
        ];
        extras.set(service, started);
      }
      log('  three replicas of normalization and aggregation running');
    },
    async inject({ system, log }) {
      for (const service of ['normalization', 'aggregation'] as const) {
        const victims = [system.processes.get(service)!, extras.get(service)![0]];
        for (const victim of victims) victim.kill('SIGKILL');
        // The survivor is the service from now on (the next restart of all starts one again).
        system.processes.set(service, extras.get(service)![1]);
        log(`  kill -9 two of three ${service} replicas`);
      }
    },
  };
}

/** A signed `submission.ingested` whose payload fails normalization (no problem). */
async function publishPoison(infra: ChaosInfra, exchange: string): Promise<void> {
  const event = createEvent(
    'submission.ingested',
    {
      submissionId: `poison-${Date.now()}`,
      userId: 'chaos-poison',
      platform: 'leetcode',
      platformSubmissionId: 'poison',
      problem: null as never,
      verdict: 'accepted',
      language: 'python3',
      submittedAt: new Date().toISOString(),
      runtimeMs: null,
      memoryKb: null,
      solveTimeSeconds: null,
      syncBatchId: null,
    } as never,
    'ingestion',
  );
  const content = Buffer.from(JSON.stringify(event));
  const connection = await amqp.connect(infra.amqpUrl);
  try {
    const channel = await connection.createConfirmChannel();
    channel.publish(exchange, event.type, content, {
      persistent: true,
      messageId: event.eventId,
      type: event.type,
      headers: {
        [HEADERS.signature]: signMessage(
          'event',
          content,
          process.env.MESSAGE_SIGNING_SECRET ?? DEV_MESSAGE_SIGNING_SECRET,
        ),
      },
    });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}

/** Every process of the system gets SIGTERM; then each service is started again. */
async function restartAll({ system, log }: FaultContext): Promise<void> {
  const alive = system.children.filter((c) => c.exitCode === null && c.signalCode === null);
  log(`  SIGTERM to ${alive.length} processes`);
  await stopProcesses(alive);
  // All at once, as `npm start` does: one at a time, the gateway (first) waited for its
  // readiness while auth, whose keys it needs, was not started yet.
  await Promise.all(['gateway' as const, ...SERVICES].map((service) => system.spawn(service)));
  log('  every service started again');
}

export function scenarios(options: { dbOutageMs: number; slowForMs: number }): Scenario[] {
  return [
    ...SERVICES.map(kill9),
    {
      name: 'poison-message',
      expectedDlq: 1,
      async inject({ system, infra, log }) {
        await publishPoison(infra, system.exchange);
        log('  published one poison submission.ingested among the import');
      },
    },
    {
      name: 'slow-consumer-10x',
      expectedDlq: 0,
      async inject({ system, log }) {
        const child = system.processes.get('normalization')!;
        log(`  normalization runs 10 % of the time for ${options.slowForMs / 1000} s`);
        const until = Date.now() + options.slowForMs;
        while (Date.now() < until) {
          child.kill('SIGSTOP');
          await sleep(900);
          child.kill('SIGCONT');
          await sleep(100);
        }
      },
    },
    {
      name: 'redis-restart',
      expectedDlq: 0,
      async inject({ infra, log }) {
        await infra.restartRedis();
        log('  Redis restarted (append-only file kept)');
      },
    },
    {
      name: 'redis-flushed',
      expectedDlq: 0,
      async inject({ infra, log }) {
        await infra.flushRedis();
        log('  Redis flushed');
      },
    },
    {
      name: 'rabbitmq-restart',
      expectedDlq: 0,
      async inject({ infra, log }) {
        await infra.restartBroker();
        log('  RabbitMQ restarted');
      },
    },
    replicas(),
    { name: 'sigterm-all-then-start', expectedDlq: 0, inject: restartAll },
    {
      name: 'ferretdb-stopped',
      expectedDlq: 0,
      async inject({ infra, log }) {
        await infra.stopDatabase();
        log(`  FerretDB stopped for ${options.dbOutageMs / 1000} s`);
        await sleep(options.dbOutageMs);
        await infra.startDatabase();
        log('  FerretDB started again');
      },
    },
  ];
}
