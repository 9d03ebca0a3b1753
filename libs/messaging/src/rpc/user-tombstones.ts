import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectConnection } from '@nestjs/mongoose';
import { AppError, isDuplicateKeyError } from '@prepmate/platform';
import type { Connection } from 'mongoose';
import { deleteUserData, USER_DATA_CONTRIBUTORS, type UserDataContributor } from './user-data';

interface TombstoneDocument {
  _id: string;
  deletedAt: Date;
}

/** Deleted users remembered in memory (ids never come back: UUID v7). */
const CACHE_LIMIT = 50_000;

/**
 * The per-service record that a user was deleted (`user_tombstones`, one document per
 * user, in each service's own database). It is written before the user's data is deleted —
 * by the `user.delete` RPC and by `user.deleted` — and every writer that creates user data
 * (imports, syncs, the event consumers) checks it first, so events still in flight and
 * queued jobs of a deleted user do not bring their data back; after writing, it calls
 * `eraseIfDeleted`, which deletes again what a write that raced the deletion stored (the
 * deletion marks first and deletes second, so either its delete comes after the write or
 * the recheck sees its mark; docs/security.md).
 * A positive answer is cached for good; a negative one is always asked again.
 */
@Injectable()
export class UserTombstones {
  private readonly deleted = new Set<string>();

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly moduleRef: ModuleRef,
  ) {}

  private get collection() {
    return this.connection.collection<TombstoneDocument>('user_tombstones');
  }

  /** Idempotent: the RPC and the event may mark the same user at once (a lost upsert race is fine). */
  async mark(userId: string): Promise<void> {
    try {
      await this.collection.updateOne(
        { _id: userId },
        { $setOnInsert: { deletedAt: new Date() } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    this.remember(userId);
  }

  async isDeleted(userId: string): Promise<boolean> {
    if (this.deleted.has(userId)) return true;
    const found = await this.collection.findOne({ _id: userId }, { projection: { _id: 1 } });
    if (found) this.remember(userId);
    return found !== null;
  }

  /** Throws NOT_FOUND for a deleted user (request paths that would create data). */
  async assertLive(userId: string): Promise<void> {
    if (await this.isDeleted(userId)) throw AppError.notFound('user');
  }

  /**
   * Throws UNAUTHENTICATED when the caller's own account was deleted: a request carrying a
   * token issued before the deletion (it outlives it by minutes) acts for nobody.
   */
  async assertActive(userId: string): Promise<void> {
    if (await this.isDeleted(userId))
      throw new AppError('UNAUTHENTICATED', 'this account was deleted');
  }

  /**
   * The deleted users among `userIds`, in one query per batch (the collection holds deleted
   * users only, so even an engine that scans it for `$in` reads little).
   */
  async deletedAmong(userIds: Iterable<string>): Promise<Set<string>> {
    const unknown = [...new Set(userIds)].filter((id) => !this.deleted.has(id));
    const cached = [...new Set(userIds)].filter((id) => this.deleted.has(id));
    if (unknown.length > 0) {
      const found = await this.collection
        .find({ _id: { $in: unknown } }, { projection: { _id: 1 } })
        .toArray();
      for (const { _id } of found) this.remember(_id);
      cached.push(...found.map(({ _id }) => _id));
    }
    return new Set(cached);
  }

  /** The items whose user is not deleted. */
  async keepLive<T extends { userId: string }>(items: T[]): Promise<T[]> {
    const deleted = await this.deletedAmong(items.map((item) => item.userId));
    return deleted.size === 0 ? items : items.filter((item) => !deleted.has(item.userId));
  }

  /**
   * After a write: deletes the data of those of `userIds` deleted meanwhile (a write that
   * passed the check while the deletion ran). Returns how many records went.
   */
  async eraseIfDeleted(userIds: Iterable<string>): Promise<number> {
    const deleted = await this.deletedAmong(userIds);
    let erased = 0;
    for (const userId of deleted) erased += await deleteUserData(this.contributors, userId);
    return erased;
  }

  private get contributors(): UserDataContributor[] {
    try {
      return this.moduleRef.get<UserDataContributor[]>(USER_DATA_CONTRIBUTORS, { strict: false });
    } catch {
      return [];
    }
  }

  private remember(userId: string): void {
    if (this.deleted.size >= CACHE_LIMIT) this.deleted.clear();
    this.deleted.add(userId);
  }
}
