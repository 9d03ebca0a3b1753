import { mongo } from 'mongoose';
import { startBenchSystem } from '../bench/bench-processes';
import { startChaosInfra } from './chaos-infra';
import { type Scenario, scenarios as allScenarios, SERVICES } from './chaos-scenarios';
import {
  call,
  deadLetters,
  importChunks,
  pciWatch,
  persistently,
  purgeDeadLetters,
  readStates,
  sameState,
  type UserState,
} from './chaos-workload';

const ROADMAP = 'interview-core';
const IMPORT_CONCURRENCY = 4;

export interface ChaosOptions {
  users: number;
  perUser: number;
  /** Scenario names to run (all when empty); the clean run always runs first. */
  only: string[];
  dbOutageMs: number;
  slowForMs: number;
  /** How long a scenario may take to converge after its fault ended. */
  convergeTimeoutMs: number;
  log: (line: string) => void;
  /** Called after each scenario (the result file is written as the suite goes). */
  onResult?: (name: string, result: ScenarioResult) => Promise<void>;
}

export interface ScenarioResult {
  /** Σ attempts (over topics) the clean run counted and this run did not. */
  lost: number;
  /** Σ attempts this run counted beyond the clean run's. */
  doubleCounted: number;
  /** Messages the scenario left in the dead-letter queues. */
  dlq: number;
  /** From the end of the fault until every user's state equals the clean run's. */
  recoverySeconds: number | null;
  /**
   * What the clean run took from the same point of the import (half of it accepted) until
   * its state was final: the normal work left when the fault strikes, part of every
   * scenario's recovery, for reading `recoverySeconds` against.
   */
  cleanFromMidImportSeconds: number;
  passed: boolean;
  /** Users whose topic stats or PCI differ from the clean run's at the end. */
  mismatchedUsers: number;
  /** Every user's latest `pci.recomputed` carries its stored PCI. */
  pciDelivered: boolean;
  expectedDlq: number;
  /** Our broker was killed from outside during the scenario (see ChaosInfra) this often. */
  brokerKilledFromOutside: number;
  error?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fault suite (docs/operations.md "Fault suite"): its own infrastructure, the whole system
 * as separate processes, a clean import, then each scenario's import with its fault injected
 * mid-import, compared with the clean one.
 */
export async function runChaos(options: ChaosOptions): Promise<Record<string, ScenarioResult>> {
  const { log } = options;
  const infra = await startChaosInfra(log);
  process.env.AMQP_URL = infra.amqpUrl;
  process.env.REDIS_URL = infra.redisUrl;
  process.env.MONGO_URL = infra.mongoUrl;
  const results: Record<string, ScenarioResult> = {};
  let system: Awaited<ReturnType<typeof startBenchSystem>> | undefined;
  const client = new mongo.MongoClient(infra.mongoUrl, { serverSelectionTimeoutMS: 5000 });
  // Stopped from outside (a time limit's SIGTERM, ctrl-C): our servers and services go with us.
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the system and our servers`);
    void (async () => {
      await system?.stop().catch(() => undefined);
      await infra.stop().catch(() => undefined);
      process.exit(130);
    })();
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    log(`starting the system (gateway and ${SERVICES.length} services) on our own infrastructure`);
    system = await startBenchSystem('chaos', SERVICES, {
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      AMQP_QUEUE_EXPIRES_MS: '0',
    });
    const context = { system, infra, log };
    const pci = await persistently(() =>
      pciWatch(infra.amqpUrl, system!.exchange, `${system!.prefix}.chaos.pci`),
    );
    const queuePrefix = `${system.prefix}.`;
    const origin = system.origin;

    const runImport = async (index: number, scenario: Scenario | null) => {
      const label = scenario?.name ?? 'clean';
      const users: string[] = [];
      const tokens: string[] = [];
      for (let u = 0; u < options.users; u++) {
        const registered = await call(origin, 'POST', '/auth/register', {
          body: {
            email: `chaos-${index}-${u}-${system!.prefix}@example.com`,
            password: 'correct horse battery',
            name: `Chaos ${index} ${u}`,
          },
        });
        await call(origin, 'POST', `/roadmaps/${ROADMAP}/follow`, {
          token: registered.accessToken,
        });
        users.push(registered.user.id);
        tokens.push(registered.accessToken);
      }
      await scenario?.prepare?.(context);
      const before = await persistently(() => deadLetters(infra.amqpUrl, queuePrefix));
      const work = users.flatMap((_, u) =>
        importChunks(index, u, options.perUser).map((body) => ({ u, body })),
      );
      let accepted = 0;
      let next = 0;
      let faultEndedAt = 0;
      let halfAcceptedAt = 0;
      let fault: Promise<void> | undefined;
      const started = Date.now();
      log(`${label}: ${options.users} users import ${options.users * options.perUser} submissions`);
      await Promise.all(
        Array.from({ length: IMPORT_CONCURRENCY }, async () => {
          while (next < work.length) {
            const { u, body } = work[next++];
            await call(origin, 'POST', '/submissions/import', { token: tokens[u], body });
            accepted += 1;
            if (!halfAcceptedAt && accepted >= work.length / 2) halfAcceptedAt = Date.now();
            if (scenario && !fault && accepted >= work.length / 2) {
              log(`${label}: injecting the fault mid-import (${accepted}/${work.length} accepted)`);
              fault = scenario.inject(context).then(() => void (faultEndedAt = Date.now()));
            }
          }
        }),
      );
      await fault;
      faultEndedAt ||= Date.now();
      log(`${label}: imports accepted after ${Math.round((Date.now() - started) / 1000)} s`);
      return { users, before, faultEndedAt, halfAcceptedAt };
    };

    // The clean run: its final state is what every scenario must end with.
    const clean = await runImport(0, null);
    let baseline: UserState[] = [];
    let stableSince = 0;
    let last = '';
    const cleanDeadline = Date.now() + options.convergeTimeoutMs * 2;
    for (;;) {
      const states = await persistently(() =>
        readStates(client, system!.prefix, clean.users, ROADMAP),
      );
      const all = [...states.values()];
      const snapshot = JSON.stringify(all);
      const complete = all.every((s) => s.attemptCount === options.perUser && s.pciScore !== null);
      if (complete && snapshot === last) {
        if (Date.now() - stableSince >= 15_000) {
          baseline = all;
          break;
        }
      } else stableSince = Date.now();
      last = snapshot;
      if (Date.now() > cleanDeadline) throw new Error('the clean run did not converge');
      await sleep(2000);
    }
    await persistently(() => pci.drain());
    // stableSince: when the state first took its final value (15 s of stability confirmed it).
    const cleanFromMidImportSeconds = Math.round((stableSince - clean.halfAcceptedAt) / 1000);
    log(
      `clean: final ${cleanFromMidImportSeconds} s after half the imports were accepted (the work a mid-import fault leaves)`,
    );
    log(
      `clean: converged in ${Math.round((Date.now() - clean.faultEndedAt) / 1000)} s after the imports; Σ attempts ${baseline.reduce((sum, s) => sum + s.topicAttempts, 0)}`,
    );

    const chosen = allScenarios(options).filter(
      (s) => options.only.length === 0 || options.only.includes(s.name),
    );
    for (const [i, scenario] of chosen.entries()) {
      let result: ScenarioResult;
      const killedBefore = infra.brokerKilledFromOutside;
      try {
        result = await runScenario(i + 1, scenario);
        result.brokerKilledFromOutside = infra.brokerKilledFromOutside - killedBefore;
      } catch (error) {
        result = {
          lost: -1,
          doubleCounted: -1,
          dlq: -1,
          recoverySeconds: null,
          cleanFromMidImportSeconds,
          passed: false,
          mismatchedUsers: -1,
          pciDelivered: false,
          expectedDlq: scenario.expectedDlq,
          brokerKilledFromOutside: infra.brokerKilledFromOutside - killedBefore,
          error: (error as Error).message,
        };
      }
      results[scenario.name] = result;
      log(`${scenario.name}: ${JSON.stringify(result)}`);
      await options.onResult?.(scenario.name, result);
    }

    async function runScenario(index: number, scenario: Scenario): Promise<ScenarioResult> {
      const run = await runImport(index, scenario);
      const deadline = run.faultEndedAt + options.convergeTimeoutMs;
      const delivered = new Map<string, { score: number; at: string }>();
      let recoveredAt = 0;
      let states = new Map<string, UserState>();
      let dlq = 0;
      for (;;) {
        states = await readStates(client, system!.prefix, run.users, ROADMAP).catch(() => states);
        for (const [user, event] of await pci.drain().catch(() => new Map()))
          if (!delivered.has(user) || delivered.get(user)!.at <= event.at)
            delivered.set(user, event);
        const after = await deadLetters(infra.amqpUrl, queuePrefix).catch(() => null);
        if (after) dlq = [...after].reduce((sum, [q, n]) => sum + n - (run.before.get(q) ?? 0), 0);
        const same = run.users.every((user, u) => {
          const state = states.get(user);
          return state !== undefined && sameState(state, baseline[u]);
        });
        const pciOk = run.users.every(
          (user) => delivered.get(user)?.score === states.get(user)?.pciScore,
        );
        if (same && pciOk && dlq >= scenario.expectedDlq) {
          recoveredAt = Date.now();
          break;
        }
        if (Date.now() > deadline) break;
        await sleep(2000);
      }
      let lost = 0;
      let doubleCounted = 0;
      let mismatchedUsers = 0;
      run.users.forEach((user, u) => {
        const state = states.get(user);
        const got = state?.topicAttempts ?? 0;
        lost += Math.max(0, baseline[u].topicAttempts - got);
        doubleCounted += Math.max(0, got - baseline[u].topicAttempts);
        if (!state || !sameState(state, baseline[u])) mismatchedUsers += 1;
      });
      const pciDelivered = run.users.every(
        (user) => delivered.get(user)?.score === states.get(user)?.pciScore,
      );
      const after = await persistently(() => deadLetters(infra.amqpUrl, queuePrefix));
      await persistently(() => purgeDeadLetters(infra.amqpUrl, [...after.keys()]));
      const recoverySeconds = recoveredAt
        ? Math.max(0, Math.round((recoveredAt - run.faultEndedAt) / 1000))
        : null;
      return {
        lost,
        doubleCounted,
        dlq,
        recoverySeconds,
        cleanFromMidImportSeconds,
        passed:
          lost === 0 &&
          doubleCounted === 0 &&
          mismatchedUsers === 0 &&
          pciDelivered &&
          dlq === scenario.expectedDlq &&
          recoverySeconds !== null &&
          recoverySeconds <= 60,
        mismatchedUsers,
        pciDelivered,
        expectedDlq: scenario.expectedDlq,
        brokerKilledFromOutside: 0,
      };
    }
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await client.close().catch(() => undefined);
    await system?.stop().catch(() => undefined);
    await infra.stop().catch((error: Error) => log(`stopping our servers: ${error.message}`));
  }
  return results;
}
