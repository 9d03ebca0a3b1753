import { insertNew } from '@prepmate/platform';
import { WriteBatcher } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import type { MasteryHistogramDocument } from './user-aggregate.schema';
import { emptyHistogram } from '../domain/mastery-histogram';
import type { TopicLocks } from './topic-locks';

/** A histogram as its changes see it (no id, no version). */
export type HistogramState = Omit<MasteryHistogramDocument, '_id' | 'version'>;
/** One change of a topic's histogram; null leaves the histogram as it is. */
export type HistogramChange = (state: HistogramState) => HistogramState | null;

interface TopicChange {
  topic: string;
  change: HistogramChange;
}

/** Changes combined into one write before the next flush takes the rest. */
const MAX_CHANGES_PER_FLUSH = 2_000;
/** Compare-and-set rounds on one flush before its changes fail (and their jobs are retried). */
const MAX_CAS_ROUNDS = 50;

/**
 * Writes histogram changes, combining those that arrive together: the concurrent aggregation
 * jobs of many users change the same few topics, so each flush takes every change queued so
 * far, holds the locks of their topics (TopicLocks, in sorted order across replicas), reads
 * those histograms in one `_id: { $in }` query, applies each topic's changes in arrival order
 * and writes each changed topic once, compare-and-set on its version. One flush runs at a
 * time per process; the next one combines what arrived meanwhile. Before, every change was a
 * lock, a read and a write of its own: two per topic per job, the largest database cost of
 * the pipeline (docs/architecture.md "Percentiles").
 *
 * Changes must be idempotent (a failed flush is split and written again by WriteBatcher):
 * the population store's changes are (they record and forget a user's move by user id).
 */
export class HistogramWriter {
  private readonly batcher = new WriteBatcher<TopicChange, true>(
    async (items) => {
      await this.flush(items);
      return items.map(() => true as const);
    },
    MAX_CHANGES_PER_FLUSH,
    1,
  );

  constructor(
    private readonly histograms: Model<MasteryHistogramDocument>,
    private readonly locks: TopicLocks,
  ) {}

  /** Resolves once the change is written (with the others of its flush). */
  async apply(topic: string, change: HistogramChange): Promise<void> {
    await this.batcher.add({ topic, change });
  }

  private async flush(items: TopicChange[]): Promise<void> {
    const byTopic = new Map<string, HistogramChange[]>();
    for (const { topic, change } of items) {
      const changes = byTopic.get(topic);
      if (changes) changes.push(change);
      else byTopic.set(topic, [change]);
    }
    await this.locks.withLocks([...byTopic.keys()], () => this.writeLocked(byTopic));
  }

  /**
   * Reads, changes and writes every topic of `byTopic`; a topic whose write lost a race (a
   * lock that expired under a stalled holder) is read and changed again.
   */
  private async writeLocked(byTopic: Map<string, HistogramChange[]>): Promise<void> {
    let remaining = [...byTopic.keys()];
    for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
      const docs = await this.histograms
        .find({ _id: { $in: remaining } })
        .lean<MasteryHistogramDocument[]>();
      const stored = new Map(docs.map((doc) => [doc._id, doc]));
      const lost = await Promise.all(
        remaining.map((topic) => this.writeOne(topic, stored.get(topic), byTopic.get(topic)!)),
      );
      remaining = remaining.filter((_, index) => lost[index]);
      if (remaining.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (round + 1)));
    }
    throw new Error(
      `mastery histograms ${remaining.join(', ')}: ${MAX_CAS_ROUNDS} conflicting writes`,
    );
  }

  /** Applies the changes to one topic and writes it; true when the write lost a race. */
  private async writeOne(
    topic: string,
    current: MasteryHistogramDocument | undefined,
    changes: HistogramChange[],
  ): Promise<boolean> {
    let state: HistogramState = current ?? { ...emptyHistogram(), moving: [] };
    let changed = false;
    for (const change of changes) {
      const next = change(state);
      if (next === null) continue;
      state = next;
      changed = true;
    }
    if (!changed) return false;
    if (current === undefined) {
      const duplicates = await insertNew(this.histograms.collection, [
        { _id: topic, ...state, version: 1 },
      ]);
      return duplicates.size > 0;
    }
    // A whole-document replace: stock FerretDB 1.24 drops a `$set` of a sub-document whose
    // values equal the stored ones under other keys (see identical-keys.patch).
    const written = await this.histograms.replaceOne(
      { _id: topic, version: current.version },
      { _id: topic, ...state, version: current.version + 1 },
    );
    return written.matchedCount !== 1;
  }
}
