import { mongo } from 'mongoose';
import { DUPLICATE_KEY_CODE } from './duplicate-key';

/** Any driver collection (the documents' type is the caller's business). */
interface InsertCollection {
  insertMany(docs: never[], options: { ordered: boolean }): Promise<unknown>;
}

/**
 * One unordered `insertMany` where a duplicate key is an expected outcome, not an error
 * (a re-import, a redelivery, another consumer's insert). Returns the positions of the
 * documents that already existed; any other write error is thrown.
 */
export async function insertNew(
  collection: InsertCollection,
  docs: object[],
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await collection.insertMany(docs as never[], { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
    const writeErrors = ([] as mongo.WriteError[]).concat(error.writeErrors as mongo.WriteError[]);
    if (writeErrors.some((e) => e.code !== DUPLICATE_KEY_CODE)) throw error;
    return new Set(writeErrors.map((e) => e.index));
  }
}
