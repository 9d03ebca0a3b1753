import type { AggregationConfig } from '../../apps/aggregation/src/aggregation.config';
import { MasteryPopulationStore } from '../../apps/aggregation/src/aggregates/mastery-population.store';
import {
  MASTERY_HISTOGRAM_MODEL,
  type MasteryHistogramDocument,
  MasteryHistogramSchema,
  TOPIC_MASTERY_MODEL,
  type TopicMasteryDocument,
  TopicMasterySchema,
} from '../../apps/aggregation/src/aggregates/user-aggregate.schema';
import {
  bucketOf,
  histogramOf,
  moveInHistogram,
  standingFromHistogram,
} from '../../apps/aggregation/src/domain/mastery-histogram';
import { standing } from '../../apps/aggregation/src/domain/topic-metrics';
import { uniqueSuffix } from '@prepmate/testing';
import { Redis } from 'ioredis';
import mongoose, { type Connection, type Model } from 'mongoose';
import pino from 'pino';

/**
 * The percentile population of aggregation on the real database: per-topic histograms kept
 * incrementally by concurrent jobs of many users (compare and set), a move interrupted by a
 * crash finished by the user's next job without counting twice, a deleted user leaving every
 * topic, the build of the histograms from masteries stored before they existed, and the rank
 * read from them against the exact one (docs/architecture.md "Percentiles").
 */
describe('mastery histograms (aggregation)', () => {
  let connection: Connection;
  let masteries: Model<TopicMasteryDocument>;
  let histograms: Model<MasteryHistogramDocument>;
  let population: MasteryPopulationStore;
  let redis: Redis;
  const database = `t${uniqueSuffix()}_aggregation_histograms`;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: database })
      .asPromise();
    masteries = connection.model(TOPIC_MASTERY_MODEL, TopicMasterySchema);
    histograms = connection.model(MASTERY_HISTOGRAM_MODEL, MasteryHistogramSchema);
    redis = new Redis(process.env.REDIS_URL!);
    population = new MasteryPopulationStore(
      masteries,
      histograms,
      redis,
      { REDIS_KEY_PREFIX: `${database}:` } as AggregationConfig,
      logger,
    );
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    redis.disconnect();
  });

  /** Final masteries by topic, as the topic_masteries documents hold them. */
  async function storedByTopic(): Promise<Map<string, number[]>> {
    const byTopic = new Map<string, number[]>();
    for (const doc of await masteries.find().lean<TopicMasteryDocument[]>())
      byTopic.set(doc.topic, [...(byTopic.get(doc.topic) ?? []), doc.mastery]);
    return byTopic;
  }

  /** Once the moves' forgets are written: a job does not wait for them (the class comment). */
  async function expectHistogramsMatchStored(
    stores: MasteryPopulationStore[] = [population],
  ): Promise<void> {
    await Promise.all(stores.map((store) => store.settled()));
    const stored = await storedByTopic();
    const docs = await histograms.find().lean<MasteryHistogramDocument[]>();
    for (const doc of docs) {
      const expected = histogramOf(stored.get(doc._id) ?? []);
      expect({ topic: doc._id, counts: doc.counts, total: doc.total, moving: doc.moving }).toEqual({
        topic: doc._id,
        counts: expected.counts,
        total: expected.total,
        moving: [],
      });
      expect(doc.sum).toBeCloseTo(expected.sum, 9);
    }
  }

  it('keeps exact counts while 40 users move concurrently on shared topics', async () => {
    const topics = ['arrays', 'graphs', 'dynamic-programming'];
    const users = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        users.map((userId) =>
          population.set(
            userId,
            topics.map((topic) => ({ topic, mastery: Math.random() })),
          ),
        ),
      );
    }
    await expectHistogramsMatchStored();

    // The rank read from the histograms, against the exact one over the stored masteries.
    const stored = await storedByTopic();
    const read = await population.histogramsOf(topics);
    for (const topic of topics) {
      const everyone = stored.get(topic)!;
      expect(everyone).toHaveLength(users.length);
      for (const mastery of everyone) {
        const approx = standingFromHistogram(mastery, read.get(topic));
        const exact = standing(mastery, everyone);
        const sameBucketAbove = everyone.filter(
          (other) => other > mastery && bucketOf(other) === bucketOf(mastery),
        ).length;
        expect(approx.percentileRank - exact.percentileRank).toBeGreaterThanOrEqual(-1e-9);
        expect(approx.percentileRank - exact.percentileRank).toBeLessThanOrEqual(
          (100 * sameBucketAbove) / everyone.length + 1e-9,
        );
        expect(approx.comparisonVsAverage).toBeCloseTo(exact.comparisonVsAverage, 9);
      }
    }
  });

  it('a repeated job with unchanged masteries writes nothing', async () => {
    await population.settled();
    const before = await histograms.findById('arrays').lean<MasteryHistogramDocument>();
    const stored = await masteries.findById('user-3:arrays').lean<TopicMasteryDocument>();
    await population.set('user-3', [{ topic: 'arrays', mastery: stored!.mastery }]);
    expect((await histograms.findById('arrays').lean<MasteryHistogramDocument>())!.version).toBe(
      before!.version,
    );
  });

  it('finishes a move a crash interrupted without counting it twice', async () => {
    // The state a job killed after its first write leaves: the histogram counts user-7 at
    // 0.75 (and says so in `moving`), the user's mastery document still holds the old value.
    const doc = (await histograms.findById('graphs').lean<MasteryHistogramDocument>())!;
    const old = (await masteries.findById('user-7:graphs').lean<TopicMasteryDocument>())!.mastery;
    const crashed = moveInHistogram(doc, old, 0.75);
    await histograms.updateOne(
      { _id: 'graphs' },
      { $set: { ...crashed, moving: [{ userId: 'user-7', to: 0.75 }], version: doc.version + 1 } },
    );
    // Its retry (or next job) computes another mastery.
    await population.set('user-7', [{ topic: 'graphs', mastery: 0.3 }]);
    await expectHistogramsMatchStored();
    expect((await masteries.findById('user-7:graphs').lean<TopicMasteryDocument>())!.mastery).toBe(
      0.3,
    );
  });

  it('a deleted user leaves every topic', async () => {
    expect(await population.removeUser('user-5')).toBe(3);
    expect(await masteries.countDocuments({ userId: 'user-5' })).toBe(0);
    // Its forgets were awaited: no histogram names the deleted user, settled or not.
    for (const doc of await histograms.find().lean<MasteryHistogramDocument[]>())
      expect(doc.moving.map((move) => move.userId)).not.toContain('user-5');
    await expectHistogramsMatchStored();
    expect((await histograms.findById('arrays').lean<MasteryHistogramDocument>())!.total).toBe(39);
    expect(await population.removeUser('user-5')).toBe(0);
  });

  it('a move still listed when the next job comes (its forget not written yet) counts once', async () => {
    await population.settled();
    // Back to back, the way a user's next job can follow before the forget is flushed.
    await population.set('user-9', [{ topic: 'arrays', mastery: 0.11 }]);
    await population.set('user-9', [{ topic: 'arrays', mastery: 0.12 }]);
    await population.set('user-9', [{ topic: 'arrays', mastery: 0.12 }]);
    await expectHistogramsMatchStored();
    expect((await masteries.findById('user-9:arrays').lean<TopicMasteryDocument>())!.mastery).toBe(
      0.12,
    );
  });

  it('builds the histograms at start from masteries stored before they existed', async () => {
    await histograms.deleteMany({});
    await population.onModuleInit();
    await expectHistogramsMatchStored();
    expect(await histograms.countDocuments()).toBe(3);
  });

  it('two replicas combining their writes on overlapping topics keep exact counts', async () => {
    // Each store combines its concurrent moves into one write per topic (HistogramWriter);
    // the two take the topics' locks in sorted order, so overlapping sets never deadlock.
    const replica = new MasteryPopulationStore(
      masteries,
      histograms,
      redis,
      { REDIS_KEY_PREFIX: `${database}:` } as AggregationConfig,
      logger,
    );
    // Topics of its own, after the tests that count the shared ones.
    const topics = ['replica-a', 'replica-b', 'replica-c', 'replica-d', 'replica-e'];
    const users = Array.from({ length: 12 }, (_, i) => `replica-user-${i}`);
    for (let round = 0; round < 2; round++) {
      await Promise.all(
        users.map((userId, i) =>
          (i % 2 === 0 ? population : replica).set(
            userId,
            (i % 3 === 0 ? [...topics].reverse() : topics.slice(i % 3)).map((topic) => ({
              topic,
              mastery: Math.random(),
            })),
          ),
        ),
      );
    }
    await expectHistogramsMatchStored([population, replica]);
  });
});
