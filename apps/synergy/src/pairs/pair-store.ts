import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { pairKey, type PairKey } from '../domain/pair-key';
import { PAIR_MODEL, type PairDocument } from './pair.schema';

/** The stored pairs: created at the first interaction, scored by the pair job. */
@Injectable()
export class PairStore {
  constructor(@InjectModel(PAIR_MODEL) readonly model: Model<PairDocument>) {}

  /** The pair of these two learners, created (unscored) when it does not exist yet. */
  async ensure(one: string, other: string): Promise<PairKey> {
    const key = pairKey(one, other);
    await this.model.collection
      .insertOne({
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
      } as never)
      .catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
    return key;
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

  async deleteUser(userId: string): Promise<number> {
    const [a, b] = await Promise.all([
      this.model.deleteMany({ userA: userId }),
      this.model.deleteMany({ userB: userId }),
    ]);
    return a.deletedCount + b.deletedCount;
  }
}
