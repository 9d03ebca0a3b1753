import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';

/** A document written only through `writeVersioned`: its `version` is bumped by every write. */
export interface VersionedDocument {
  _id: string;
  version: number;
  updatedAt: Date;
}

/** Writers racing on one document retry this often before giving up. */
const MAX_ATTEMPTS = 5;

/**
 * Read, change, write one document guarded by its version, for writers that can race (two
 * replicas, a redelivery): `change` gets the stored document (null: none yet) and returns the
 * fields to set, or null to write nothing. The first write inserts with version 1 (a
 * concurrent insert's duplicate key means: read again); later ones match the version read and
 * bump it. A writer that lost reads and changes again, up to MAX_ATTEMPTS times, then throws
 * `giveUp` (the delivery is retried).
 */
export async function writeVersioned<D extends VersionedDocument>(
  model: Model<D>,
  id: string,
  change: (stored: D | null) => Partial<Omit<D, keyof VersionedDocument>> | null,
  giveUp: string,
): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const stored = await model.findById(id).lean<D | null>();
    const fields = change(stored);
    if (!fields) return;
    const updatedAt = new Date();
    if (!stored) {
      try {
        await model.collection.insertOne({ _id: id, ...fields, version: 1, updatedAt } as never);
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        continue;
      }
    }
    const written = await model.updateOne(
      { _id: id, version: stored.version } as never,
      { $set: { ...fields, updatedAt }, $inc: { version: 1 } } as never,
    );
    if (written.matchedCount === 1) return;
  }
  throw new Error(giveUp);
}
