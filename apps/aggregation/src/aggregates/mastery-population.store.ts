import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { chunkedBulkWrite, insertNew, REDIS, ROOT_LOGGER } from '@prepmate/platform';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Model } from 'mongoose';
import { AggregationConfig } from '../aggregation.config';
import { histogramOf, type MasteryHistogram, moveInHistogram } from '../domain/mastery-histogram';
import { HistogramWriter } from './histogram-writer';
import { TopicLocks } from './topic-locks';
import {
  MASTERY_HISTOGRAM_MODEL,
  type MasteryHistogramDocument,
  TOPIC_MASTERY_MODEL,
  type TopicMasteryDocument,
} from './user-aggregate.schema';

/** How long a read keeps a histogram: many dashboards polling share one read per second. */
export const HISTOGRAM_READ_CACHE_MS = 1_000;

/**
 * The mastery population the percentile ranks are read against: per topic, a histogram of
 * every user's mastery (`mastery_histograms`), kept incrementally beside each user's counted
 * mastery (`topic_masteries`). Every read and write is by `_id`; a topic-stats read is one
 * query for the user's topics, O(topics) whatever the number of users.
 *
 * A move is three writes, safe to repeat after a crash anywhere: (1) the histogram counts
 * the move and records it in `moving` (compare and set on `version`, so concurrent jobs of
 * other users never lose a count); (2) the user's topic_masteries document takes the new
 * value; (3) the histogram forgets the move. A job finding its own user in `moving` knows
 * the move was counted, so it starts from there instead of counting it again. One user's
 * jobs never run in parallel (the aggregation queue), so a user's moves have one writer;
 * the histogram writes of concurrent jobs are combined (HistogramWriter: one locked read and
 * one compare-and-set write per topic for all the moves that arrived together).
 *
 * The job does not wait for (3): a move still listed after its mastery is stored is exactly
 * what a crash there leaves, which the user's next job already handles, so the forget joins
 * whichever flush of the topic comes next (under load, other jobs' counts) instead of costing
 * a write and a wait of its own. A deleted user's forgets are awaited (their id must not stay
 * behind), and the process waits for those in flight when it stops.
 */
@Injectable()
export class MasteryPopulationStore implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new Map<string, { at: number; histogram: MasteryHistogram | null }>();
  private readonly writer: HistogramWriter;
  /** Forgets written after their job went on (see the class comment). */
  private readonly forgetting = new Set<Promise<void>>();
  private readonly log: Logger;

  constructor(
    @InjectModel(TOPIC_MASTERY_MODEL) private readonly masteries: Model<TopicMasteryDocument>,
    @InjectModel(MASTERY_HISTOGRAM_MODEL)
    private readonly histograms: Model<MasteryHistogramDocument>,
    @Inject(REDIS) redis: Redis,
    config: AggregationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'mastery-population' });
    this.writer = new HistogramWriter(
      histograms,
      new TopicLocks(redis, `${config.REDIS_KEY_PREFIX}aggregation:histogram-lock:`),
    );
  }

  /** Stopping: the forgets still in flight are written first. */
  async onModuleDestroy(): Promise<void> {
    await this.settled();
  }

  /** Resolves once every forget started so far is written (or has failed and been logged). */
  async settled(): Promise<void> {
    await Promise.all([...this.forgetting]);
  }

  /**
   * Counts the user's masteries on these topics (null: the user leaves the topic's
   * population). Topics whose counted mastery is already this one cost one read. Resolves
   * once the masteries are counted and stored; the histograms forget the moves afterwards
   * unless `waitForForget` (see the class comment).
   */
  async set(
    userId: string,
    masteries: Array<{ topic: string; mastery: number | null }>,
    { waitForForget = false }: { waitForForget?: boolean } = {},
  ) {
    if (masteries.length === 0) return;
    const topics = masteries.map(({ topic }) => topic);
    const [stored, histograms] = await Promise.all([
      this.masteries
        .find({ _id: { $in: topics.map((topic) => masteryId(userId, topic)) } })
        .lean<TopicMasteryDocument[]>(),
      this.histograms.find({ _id: { $in: topics } }).lean<MasteryHistogramDocument[]>(),
    ]);
    const storedOf = new Map(stored.map((doc) => [doc.topic, doc.mastery]));
    const histogramOf = new Map(histograms.map((doc) => [doc._id, doc]));
    const moves = masteries.filter(
      ({ topic, mastery }) =>
        (storedOf.get(topic) ?? null) !== mastery ||
        histogramOf.get(topic)?.moving.some((move) => move.userId === userId),
    );
    if (moves.length === 0) return;

    await Promise.all(
      moves.map(({ topic, mastery }) =>
        this.writer.apply(topic, (state) => {
          const inFlight = state.moving.find((move) => move.userId === userId);
          const counted = inFlight ? inFlight.to : (storedOf.get(topic) ?? null);
          return {
            ...moveInHistogram(state, counted, mastery),
            moving: [
              ...state.moving.filter((move) => move.userId !== userId),
              { userId, to: mastery },
            ],
          };
        }),
      ),
    );
    await chunkedBulkWrite(
      this.masteries.collection,
      moves.map(({ topic, mastery }) =>
        mastery === null
          ? { deleteOne: { filter: { _id: masteryId(userId, topic) } } }
          : {
              updateOne: {
                filter: { _id: masteryId(userId, topic) },
                update: { $set: { userId, topic, mastery } },
                upsert: true,
              },
            },
      ),
    );
    // Only this move's entry: a forget written late (a failed flush is retried) must not take
    // away the entry of the user's next move.
    const forget = Promise.all(
      moves.map(({ topic, mastery }) => {
        const isThisMove = (move: { userId: string; to: number | null }) =>
          move.userId === userId && move.to === mastery;
        return this.writer.apply(topic, (state) =>
          state.moving.some(isThisMove)
            ? { ...state, moving: state.moving.filter((move) => !isThisMove(move)) }
            : null,
        );
      }),
    ).then(() => undefined);
    if (waitForForget) return forget;
    const tracked = forget.catch((error: Error) =>
      // Left listed: the user's next job finishes the move, as after a crash.
      this.log.warn({ userId, err: error.message }, 'could not forget a move yet'),
    );
    this.forgetting.add(tracked);
    void tracked.finally(() => this.forgetting.delete(tracked));
  }

  /** Takes the user out of every topic's population; returns how many masteries that was. */
  async removeUser(userId: string): Promise<number> {
    const docs = await this.masteries.find({ userId }, { topic: 1 }).lean<TopicMasteryDocument[]>();
    await this.set(
      userId,
      docs.map(({ topic }) => ({ topic, mastery: null })),
      { waitForForget: true },
    );
    return docs.length;
  }

  /**
   * The histograms of these topics (absent: no user counted yet), one `_id` query for those
   * not read in the last HISTOGRAM_READ_CACHE_MS.
   */
  async histogramsOf(topics: string[], now = Date.now()): Promise<Map<string, MasteryHistogram>> {
    const missing = topics.filter((topic) => {
      const cached = this.cache.get(topic);
      return !cached || now - cached.at >= HISTOGRAM_READ_CACHE_MS;
    });
    if (missing.length > 0) {
      const docs = await this.histograms
        .find({ _id: { $in: missing } }, { counts: 1, total: 1, sum: 1 })
        .lean<MasteryHistogramDocument[]>();
      const found = new Map(docs.map((doc) => [doc._id, doc]));
      for (const topic of missing) {
        const doc = found.get(topic);
        this.cache.set(topic, {
          at: now,
          histogram: doc ? { counts: doc.counts, total: doc.total, sum: doc.sum } : null,
        });
      }
    }
    const result = new Map<string, MasteryHistogram>();
    for (const topic of topics) {
      const histogram = this.cache.get(topic)?.histogram;
      if (histogram) result.set(topic, histogram);
    }
    return result;
  }

  /**
   * A database that has topic masteries but no histograms (written before histograms
   * existed) gets them built once at start, from one pass over the masteries.
   */
  async onModuleInit(): Promise<void> {
    if ((await this.histograms.estimatedDocumentCount()) > 0) return;
    const byTopic = new Map<string, number[]>();
    for await (const doc of this.masteries
      .find({}, { topic: 1, mastery: 1 })
      .lean<TopicMasteryDocument[]>()
      .cursor()) {
      const list = byTopic.get(doc.topic) ?? [];
      list.push(doc.mastery);
      byTopic.set(doc.topic, list);
    }
    if (byTopic.size === 0) return;
    await insertNew(
      this.histograms.collection,
      [...byTopic].map(([topic, masteries]) => ({
        _id: topic,
        ...histogramOf(masteries),
        version: 1,
        moving: [],
      })),
    );
  }
}

function masteryId(userId: string, topic: string): string {
  return `${userId}:${topic}`;
}
