import { MongoClient } from 'mongodb';
import {
  decodeAggregate,
  encodeAggregate,
  type StoredAggregateFields,
} from '../../apps/aggregation/src/aggregates/aggregate-encoding';
import type { Attempt } from '../../apps/aggregation/src/domain/attempt';
import { DEFAULT_BKT } from '../../apps/aggregation/src/domain/bkt';
import { recompute } from '../../apps/aggregation/src/domain/user-aggregate';
import { progress, writeResult } from './bench-output';

const USERS = Number(process.env.BENCH_AGGREGATE_USERS ?? 50);
const PROBLEMS = Number(process.env.BENCH_AGGREGATE_PROBLEMS ?? 100);
const READ_ROUNDS = 4;
const TAGS = [
  ['arrays', 'hashing'],
  ['dynamic-programming'],
  ['graphs', 'breadth-first-search'],
  ['strings', 'two-pointers'],
  ['greedy', 'sorting'],
  ['trees', 'depth-first-search'],
  ['math'],
  ['binary-search'],
];
/** What AggregateStore reads (either format). */
const PROJECTION = {
  lastKey: 1,
  attemptCount: 1,
  state: 1,
  topics: 1,
  problems: 1,
  days: 1,
  version: 1,
};

const uuid = (kind: number, i: number) =>
  `${kind}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A learner with PROBLEMS problems, one attempt each, three in four accepted. */
function learnerAggregate() {
  const attempts: Attempt[] = Array.from({ length: PROBLEMS }, (_, i) => ({
    submissionId: uuid(1, i),
    platformSubmissionId: String(1_000 + i),
    canonicalProblemId: uuid(2, i),
    topics: TAGS[i % TAGS.length],
    difficulty: (['easy', 'medium', 'hard'] as const)[i % 3],
    accepted: i % 4 !== 0,
    submittedAt: Date.UTC(2026, 8, 1) + i * 600_000,
    solveTimeSeconds: 300 + ((i * 37) % 1500),
  }));
  return recompute(attempts, DEFAULT_BKT);
}

/**
 * `npm run bench -- aggregate-store`: what one user's aggregate costs to read and to save, by
 * `_id` on one connection, in the format stored now (`state`, one JSON string) and in the
 * earlier one (subdocuments), same database, same run (docs/architecture.md "FerretDB").
 */
export async function aggregateStoreBenchmark(): Promise<void> {
  const aggregate = learnerAggregate();
  const { lastKey, attemptCount, topics, problems, days } = aggregate;
  const formats = {
    subdocuments: {
      document: { lastKey, attemptCount, topics, problems, days },
      update: () => ({ $set: { lastKey, attemptCount, topics, problems, days } }),
    },
    state: {
      document: encodeAggregate(aggregate).set,
      update: () => {
        const { set, unset } = encodeAggregate(aggregate);
        return { $set: set, $unset: unset };
      },
    },
  };
  const client = await MongoClient.connect(process.env.MONGO_URL!);
  const db = client.db(`bench_aggregate_store_${process.pid}`);
  /** jsonBytes: the document as JSON (FerretDB keeps its type schema beside it). */
  const results: Record<string, { readMs: number; saveMs: number; jsonBytes: number }> = {};
  try {
    for (const [name, format] of Object.entries(formats)) {
      progress(`aggregate-store: ${name}: ${USERS} users of ${PROBLEMS} problems`);
      const collection = db.collection<StoredAggregateFields & { _id: string }>(name);
      await collection.insertMany(
        Array.from({ length: USERS }, (_, u) => ({ _id: `user-${u}`, ...format.document })),
      );
      // One pass first: connections and FerretDB's metadata warm.
      for (let u = 0; u < USERS; u++) await collection.findOne({ _id: `user-${u}` });
      let started = performance.now();
      for (let round = 0; round < READ_ROUNDS; round++)
        for (let u = 0; u < USERS; u++) {
          const doc = await collection.findOne({ _id: `user-${u}` }, { projection: PROJECTION });
          if (decodeAggregate(doc!).attemptCount !== PROBLEMS) throw new Error('read back wrong');
        }
      const readMs = (performance.now() - started) / (READ_ROUNDS * USERS);
      started = performance.now();
      for (let u = 0; u < USERS; u++)
        await collection.updateOne({ _id: `user-${u}` }, format.update());
      const saveMs = (performance.now() - started) / USERS;
      const jsonBytes = JSON.stringify(format.document).length;
      results[name] = {
        readMs: Math.round(readMs * 100) / 100,
        saveMs: Math.round(saveMs * 100) / 100,
        jsonBytes,
      };
      progress(
        `aggregate-store: ${name}: read ${results[name].readMs} ms, save ${results[name].saveMs} ms`,
      );
    }
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
  await writeResult('aggregate-store', {
    users: USERS,
    problemsPerUser: PROBLEMS,
    ...results,
    readSpeedup: Math.round((results.subdocuments.readMs / results.state.readMs) * 10) / 10,
    saveSpeedup: Math.round((results.subdocuments.saveMs / results.state.saveMs) * 10) / 10,
  });
}
