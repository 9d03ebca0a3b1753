import type { mongo } from 'mongoose';

/**
 * Update statements sent in one command. FerretDB 1.24 (the CI database) runs every statement
 * of an update command on its own PostgreSQL connection and holds them all until the command
 * ends; when its pool (50 by default, 80 as libs/infra starts it) runs out, one big
 * `bulkWrite` — or a few concurrent ones — waits forever. Real MongoDB has no such limit,
 * and small chunks cost it little.
 */
export const BULK_WRITE_CHUNK = 8;
/**
 * Chunks in flight at once per process, so concurrent callers hold at most
 * BULK_WRITE_CHUNK × this many of those connections (32 of FerretDB's 80): many jobs that
 * reach their bulk write together (the aggregation jobs after a combined histogram flush)
 * wait their turn instead of exhausting the pool.
 */
export const BULK_WRITES_IN_FLIGHT = 4;

/** Any driver collection (the operations' document types are the caller's business). */
interface BulkCollection {
  bulkWrite(operations: never[], options: { ordered: boolean }): Promise<mongo.BulkWriteResult>;
}

/** A counting semaphore: at most `limit` holders, the others wait in arrival order. */
export class Slots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  get inUse(): number {
    return this.active;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; only an idle slot is given back.
      if (next) next();
      else this.active -= 1;
    }
  }
}

const bulkWriteSlots = new Slots(BULK_WRITES_IN_FLIGHT);

/**
 * `bulkWrite` in sequential chunks of BULK_WRITE_CHUNK operations (unordered within a chunk),
 * each chunk taking one of the process's BULK_WRITES_IN_FLIGHT slots.
 */
export async function chunkedBulkWrite(
  collection: BulkCollection,
  operations: object[],
): Promise<{ matched: number; modified: number; upserted: number }> {
  const total = { matched: 0, modified: 0, upserted: 0 };
  for (let start = 0; start < operations.length; start += BULK_WRITE_CHUNK) {
    const result = await bulkWriteSlots.run(() =>
      collection.bulkWrite(operations.slice(start, start + BULK_WRITE_CHUNK) as never[], {
        ordered: false,
      }),
    );
    total.matched += result.matchedCount;
    total.modified += result.modifiedCount;
    total.upserted += result.upsertedCount;
  }
  return total;
}
