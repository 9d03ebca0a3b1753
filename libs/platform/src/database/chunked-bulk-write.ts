import type { mongo } from 'mongoose';

/**
 * Update statements sent in one command. FerretDB 1.24 (the CI database) runs every statement
 * of an update command on its own PostgreSQL connection and holds them all until the command
 * ends; when its pool (50 by default, 80 as libs/infra starts it) runs out, one big
 * `bulkWrite` — or a few concurrent ones — waits forever. Real MongoDB has no such limit,
 * and small chunks cost it little.
 */
export const BULK_WRITE_CHUNK = 8;

/** Any driver collection (the operations' document types are the caller's business). */
interface BulkCollection {
  bulkWrite(operations: never[], options: { ordered: boolean }): Promise<mongo.BulkWriteResult>;
}

/** `bulkWrite` in sequential chunks of BULK_WRITE_CHUNK operations (unordered within a chunk). */
export async function chunkedBulkWrite(
  collection: BulkCollection,
  operations: object[],
): Promise<{ matched: number; modified: number; upserted: number }> {
  const total = { matched: 0, modified: 0, upserted: 0 };
  for (let start = 0; start < operations.length; start += BULK_WRITE_CHUNK) {
    const result = await collection.bulkWrite(
      operations.slice(start, start + BULK_WRITE_CHUNK) as never[],
      {
        ordered: false,
      },
    );
    total.matched += result.matchedCount;
    total.modified += result.modifiedCount;
    total.upserted += result.upsertedCount;
  }
  return total;
}
