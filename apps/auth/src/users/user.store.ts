import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope, Page, UpdateMeRpcData } from '@prepmate/contracts';
import type { OutboxFields } from '@prepmate/messaging';
import { OutboxRelay, withPendingEvents } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import type { AccountAccess } from '../domain/access-change';
import { USER_MODEL, type UserDocument } from './user.schema';
import { afterIdFilter, idPage, isDuplicateKeyError } from '@prepmate/platform';

/** The profile fields a user may change about themselves: nothing else reaches `$set`. */
export type ProfileChanges = Pick<
  UserDocument,
  'name' | 'targetCompanies' | 'preparationTargetDate' | 'timeZone'
>;

/** Copies the profile fields from request data, by name; any other key is dropped. */
export function profileChanges(data: UpdateMeRpcData): Partial<ProfileChanges> {
  const changes: Partial<ProfileChanges> = {};
  if (typeof data.name === 'string') changes.name = data.name;
  if (Array.isArray(data.targetCompanies))
    changes.targetCompanies = data.targetCompanies.filter((company) => typeof company === 'string');
  if (data.preparationTargetDate === null || typeof data.preparationTargetDate === 'string')
    changes.preparationTargetDate = data.preparationTargetDate;
  if (typeof data.timeZone === 'string') changes.timeZone = data.timeZone;
  return changes;
}

/** Users in auth's own database. Email uniqueness is the unique index on `emailKey`. */
@Injectable()
export class UserStore implements OnModuleInit {
  constructor(
    @InjectModel(USER_MODEL) private readonly model: Model<UserDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  /** Publishes the users' pending events in the background (the sweep retries a failure). */
  relaySoon(ids: string[]): void {
    this.relay.relaySoon(this.model, ids);
  }

  /** Inserts the user with its events in the same write; false when the email is taken. */
  async insert(
    user: Omit<UserDocument, 'createdAt' | 'updatedAt' | keyof OutboxFields>,
    events: EventEnvelope[],
  ): Promise<boolean> {
    try {
      await this.model.create({ ...user, pendingEvents: events });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  findByEmail(email: string): Promise<UserDocument | null> {
    return this.model
      .findOne({ emailKey: email.toLowerCase(), isActive: true })
      .lean<UserDocument>();
  }

  findById(id: string): Promise<UserDocument | null> {
    return this.model.findOne({ _id: id, isActive: true }).lean<UserDocument>();
  }

  /** Active users by id (one `_id: { $in }` lookup). */
  findActiveByIds(ids: string[]): Promise<UserDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model.find({ _id: { $in: ids }, isActive: true }).lean<UserDocument[]>();
  }

  /** Whether the account was deleted (its document stays, erased, as auth's tombstone). */
  async isDeleted(id: string): Promise<boolean> {
    const user = await this.model
      .findOne({ _id: id }, { deletedAt: 1 })
      .lean<Pick<UserDocument, 'deletedAt'>>();
    return !!user?.deletedAt;
  }

  /** Whether the account exists and was not deleted (it may be locked). */
  async isActiveOrLocked(id: string): Promise<boolean> {
    const user = await this.model
      .findOne({ _id: id }, { deletedAt: 1 })
      .lean<Pick<UserDocument, 'deletedAt'>>();
    return user !== null && !user.deletedAt;
  }

  /** An account active or locked, never a deleted one (for admins). */
  async findManageable(where: { id: string } | { email: string }): Promise<UserDocument | null> {
    const filter = 'id' in where ? { _id: where.id } : { emailKey: where.email.toLowerCase() };
    const user = await this.model.findOne(filter).lean<UserDocument>();
    return user && !user.deletedAt && user.passwordHash !== '' ? user : null;
  }

  /**
   * Changes the user's own profile fields (only those: `profileChanges` picks them) and, in
   * the same write, queues the event `announce` builds from the profile as changed and its
   * next version. The write is made against the version read (compare and set), so two
   * concurrent changes get distinct versions in the order they were stored; a lost race is
   * retried from a fresh read.
   */
  async updateProfile(
    id: string,
    changes: Partial<ProfileChanges>,
    announce: (profile: UserDocument, profileVersion: number) => EventEnvelope,
  ): Promise<UserDocument | null> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.findById(id);
      if (!current) return null;
      const readVersion = current.profileVersion ?? 0;
      const next = readVersion + 1;
      const event = announce({ ...current, ...changes }, next);
      const filter =
        readVersion === 0
          ? { _id: id, isActive: true, profileVersion: { $exists: false } }
          : { _id: id, isActive: true, profileVersion: readVersion };
      const updated = await this.model
        .findOneAndUpdate(
          filter,
          withPendingEvents({ $set: { ...changes, profileVersion: next } }, event),
          { new: true },
        )
        .lean<UserDocument>();
      if (updated) return updated;
    }
    throw new Error(`the profile of ${id} kept changing while it was being updated`);
  }

  async touchLogin(id: string): Promise<void> {
    await this.model.updateOne({ _id: id, isActive: true }, { $set: { lastLogin: new Date() } });
  }

  /**
   * Sets role and active flag only if they are still what the caller read (a concurrent
   * change makes this a no-op: false).
   */
  async setAccess(id: string, from: AccountAccess, to: AccountAccess): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, role: from.role, isActive: from.isActive },
      { $set: { role: to.role, isActive: to.isActive } },
    );
    return result.modifiedCount === 1;
  }

  /** Active admins (admins are few; this is the last-admin rule's check). */
  countActiveAdmins(): Promise<number> {
    return this.model.countDocuments({ role: 'admin', isActive: true });
  }

  /**
   * Deactivates the account and queues its deletion event in one write; the personal
   * fields are erased at once, the document stays until the event is published.
   */
  async deactivate(id: string, event: EventEnvelope): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, isActive: true },
      withPendingEvents(
        {
          $set: {
            isActive: false,
            deletedAt: new Date(),
            email: '',
            emailKey: `deleted:${id}`,
            name: '',
            passwordHash: '',
            targetCompanies: [],
            preparationTargetDate: null,
            timeZone: 'UTC',
          },
        },
        event,
      ),
    );
    return result.modifiedCount === 1;
  }

  /** Users by creation order (ids are UUID v7, so time-ordered), for admins. */
  async list(limit: number, cursor?: string): Promise<Page<UserDocument>> {
    const items = await this.model
      .find({ isActive: true, ...afterIdFilter(cursor, 'asc') })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<UserDocument[]>();
    return idPage(items, limit);
  }
}
