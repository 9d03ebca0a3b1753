import { getConnectionToken } from '@nestjs/mongoose';
import { EventPublisher, RabbitMqTransport } from '@prepmate/messaging';
import {
  deleteSystemTopology,
  eventually,
  ingestedEvent,
  isolatedEnv,
  startTestService,
  type TestService,
} from '@prepmate/testing';
import type { Connection } from 'mongoose';
import { NormalizationModule } from '../../apps/normalization/src/normalization.module';
import { ProblemCatalog } from '../../apps/normalization/src/problems/problem-catalog';

const PROBLEMS = 12;
const SUBMISSIONS_PER_PROBLEM = 4;

describe('two normalization consumers on the same new problems at once', () => {
  const { AMQP_EXCHANGE, prefix } = isolatedEnv('race');
  const env = {
    AMQP_EXCHANGE,
    AMQP_QUEUE_PREFIX: `${prefix}.`,
    MONGO_DB: `${prefix}_normalization`,
    // One message per consumer at a time: consecutive deliveries of a problem go to both consumers.
    AMQP_PREFETCH: '1',
  };
  const consumers: TestService[] = [];
  let lostRaces = 0;

  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) {
      const service = await startTestService({
        module: NormalizationModule,
        transport: RabbitMqTransport,
        env,
      });
      await service.app.get(RabbitMqTransport).waitUntilConsuming();
      const catalog = service.app.get(ProblemCatalog);
      const insert = catalog.insertMappings.bind(catalog);
      jest.spyOn(catalog, 'insertMappings').mockImplementation(async (docs) => {
        const lost = await insert(docs);
        lostRaces += lost.size;
        return lost;
      });
      consumers.push(service);
    }
  });

  afterAll(async () => {
    await consumers[0]?.app
      .get<Connection>(getConnectionToken())
      .dropDatabase()
      .catch(() => undefined);
    for (const consumer of consumers) await consumer.close();
    await deleteSystemTopology(AMQP_EXCHANGE, `${prefix}.`);
  });

  it('ends with one canonical problem and one mapping per platform problem', async () => {
    const publisher = consumers[0].app.get(EventPublisher);
    const events = [];
    for (let p = 0; p < PROBLEMS; p += 1) {
      for (let s = 0; s < SUBMISSIONS_PER_PROBLEM; s += 1) {
        const n = p * SUBMISSIONS_PER_PROBLEM + s;
        events.push(
          ingestedEvent(n, {
            submissionId: `race-${prefix}-${n}`,
            userId: `user-${s}`,
            problem: {
              platformProblemId: `${1900 + p}C`,
              title: `Race Problem ${p}`,
              difficulty: null,
              rating: 1500,
              tags: ['greedy', 'sortings'],
              url: null,
            },
          }),
        );
      }
    }
    await Promise.all(events.map((event) => publisher.publish(event)));

    const db = consumers[0].app.get<Connection>(getConnectionToken());
    await eventually(
      () => db.collection('normalized_submissions').countDocuments(),
      (count) => count === events.length,
      { what: `${events.length} normalized submissions` },
    );
    const problems = await db.collection('canonical_problems').find().toArray();
    const mappings = await db.collection('problem_mappings').find().toArray();
    expect(problems).toHaveLength(PROBLEMS);
    expect(mappings).toHaveLength(PROBLEMS);
    const problemIds = new Set(problems.map((problem) => String(problem._id)));
    for (const mapping of mappings) expect(problemIds.has(mapping.canonicalProblemId)).toBe(true);
    for (const problem of problems) expect(problem.platforms).toHaveLength(1);

    const records = await db.collection('normalized_submissions').find().toArray();
    const byProblem = new Map<string, Set<string>>();
    for (const record of records) {
      const ids = byProblem.get(record.platformProblemId) ?? new Set();
      ids.add(record.canonicalProblemId);
      byProblem.set(record.platformProblemId, ids);
    }
    expect([...byProblem.values()].every((ids) => ids.size === 1)).toBe(true);
    // The races really happened (a consumer lost an insert and reused the winner's mapping).
    expect(lostRaces).toBeGreaterThan(0);
  });
});
