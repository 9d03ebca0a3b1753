import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxRelay } from '@prepmate/messaging';
import { afterKeyFilter, isDuplicateKeyError, type KeysetPosition } from '@prepmate/platform';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { pairKey, type PairKey } from '../domain/pair-key';
import { PAIR_DAY_MODEL, PAIR_MODEL, type PairDayDocument, type PairDocument } from './pair.schema';

/** The stored pairs: created at the first interaction, scored by the pair job. */
@Injectable()
export class PairStore implements OnModuleInit {
  constructor(
    @InjectModel(PAIR_MODEL) private readonly model: Model<PairDocument>,
    @InjectModel(PAIR_DAY_MODEL) private readonly days: Model<PairDayDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  /** Writes the pair's new score if it is still at `version`; false when another write won. */
  async updateAtVersion(id: string, version: number, update: UpdateQuery<PairDocument>) {
    const written = await this.model.updateOne({ _id: id, version }, update);
    return written.matchedCount === 1;
  }

  /** Publishes the pair's pending events now; a failure is left to the sweep. */
  relayOrLeave(id: string): Promise<void> {
    return this.relay.relayOrLeave(this.model, [id]);
  }

  /**
   * The user's pairs by score, highest first (ties by pair id), after `after` (the last pair
   * of the previous page), `limit + 1` of them so the caller knows whether more follow.
   */
  pageOfUser(userId: string, after: KeysetPosition | null, limit: number): Promise<PairDocument[]> {
    const filter: FilterQuery<PairDocument> = { $or: [{ userA: userId }, { userB: userId }] };
    // Highest score first, ties by pair id.
    if (after) filter.$and = [afterKeyFilter('score', after, { key: 'desc', id: 'asc' })];
    return this.model
      .find(filter, { pendingEvents: 0 })
      .sort({ score: -1, _id: 1 })
      .limit(limit + 1)
      .lean<PairDocument[]>();
  }

  /**
   * Records a scratch between these two learners on `day` (UTC): the pair's day is inserted
   * (once per day), and on a new day the pair too (unscored) if it does not exist yet — a
   * pair's first scratch is always a new day for it. Inserts only: a unique id decides every
   * race.
   */
  async touch(one: string, other: string, day: string): Promise<PairKey> {
    const key = pairKey(one, other);
    const newDay = await insertOnce(this.days.collection, {
      _id: `${key.id}:${day}`,
      pairId: key.id,
      day,
    });
    if (newDay) await this.create(key);
    return key;
  }

  /** Creates the pair, unscored, unless it exists. */
  async create(key: PairKey): Promise<void> {
    await insertOnce(this.model.collection, {
      _id: key.id,
      userA: key.userA,
      userB: key.userB,
      aToB: 0,
      bToA: 0,
      interactionDays: 0,
      mutualScratchWeight: 0,
      levelProximityScore: 0,
      topicSimilarityScore: 0,
      consistencyFactor: 0,
      score: 0,
      chatUnlocked: false,
      unlockedAt: null,
      calculatedAt: null,
      createdAt: new Date(),
      version: 0,
      pendingEvents: [],
      outboxPending: false,
      outboxLeaseUntil: null,
    });
  }

  /** The pair's interaction days from `fromDay` on. */
  async daysSince(pairId: string, fromDay: string): Promise<string[]> {
    const docs = await this.days
      .find({ pairId, day: { $gte: fromDay } }, { day: 1 })
      .lean<PairDayDocument[]>();
    return docs.map((doc) => doc.day);
  }

  /** Forgets the pair's days before `fromDay` (outside every future window). */
  async pruneDays(pairId: string, fromDay: string): Promise<void> {
    await this.days.deleteMany({ pairId, day: { $lt: fromDay } });
  }

  async get(id: string): Promise<PairDocument | null> {
    return this.model.findById(id, { pendingEvents: 0 }).lean<PairDocument | null>();
  }

  /** The pairs a learner is part of (their ids), for recomputing them after a level change. */
  async keysOf(userId: string): Promise<PairKey[]> {
    const docs = await this.model
      .find({ $or: [{ userA: userId }, { userB: userId }] }, { userA: 1, userB: 1 })
      .lean<Array<Pick<PairDocument, '_id' | 'userA' | 'userB'>>>();
    return docs.map((doc) => ({ id: doc._id, userA: doc.userA, userB: doc.userB }));
  }

  async exportUser(userId: string): Promise<PairDocument[]> {
    return this.model
      .find(
        { $or: [{ userA: userId }, { userB: userId }] },
        { pendingEvents: 0, outboxLeaseUntil: 0 },
      )
      .lean<PairDocument[]>();
  }

  /** The learner's pairs, on both sides, with their days. */
  async deleteUser(userId: string): Promise<number> {
    const pairs = await this.keysOf(userId);
    for (const pair of pairs) {
      await this.days.deleteMany({ pairId: pair.id });
      await this.model.deleteOne({ _id: pair.id });
    }
    return pairs.length;
  }
}

/** Inserts a document unless one with its id exists; true when this call inserted it. */
async function insertOnce(
  collection: { insertOne(doc: never): Promise<unknown> },
  doc: Record<string, unknown>,
): Promise<boolean> {
  try {
    await collection.insertOne(doc as never);
    return true;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return false;
  }
}
