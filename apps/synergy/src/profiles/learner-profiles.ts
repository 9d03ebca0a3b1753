import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { LevelResponse, TopicAggregatedPayload } from '@prepmate/contracts';
import type { Model } from 'mongoose';
import {
  EMPTY_PROFILE,
  type LearnerProfileState,
  mergeReport,
  type ProfileChange,
} from '../domain/learner-profile';
import { levelBucket } from '../domain/level';
import { LEARNER_PROFILE_MODEL, type LearnerProfileDocument } from './learner-profile.schema';
import { isDuplicateKeyError } from '@prepmate/platform';

/** Writers of one learner racing on one profile retry this often before giving up (redelivery). */
const MAX_ATTEMPTS = 5;

export interface LearnerSnapshot extends LearnerProfileState {
  userId: string;
}

/** Synergy's projection of `topic.aggregated` (see LearnerProfileDocument). */
@Injectable()
export class LearnerProfiles {
  constructor(@InjectModel(LEARNER_PROFILE_MODEL) readonly model: Model<LearnerProfileDocument>) {}

  /**
   * Merges the event into the learner's profile with a version compare: a concurrent writer
   * (a replica, a redelivery) makes the loser read and merge again.
   */
  async apply(payload: TopicAggregatedPayload): Promise<ProfileChange> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = await this.model
        .findById(payload.userId)
        .lean<LearnerProfileDocument | null>();
      const change = mergeReport(stored ?? EMPTY_PROFILE, payload);
      if (
        stored &&
        !change.levelChanged &&
        !change.masteryChanged &&
        stored.solvedAt === change.profile.solvedAt
      )
        return change;
      const fields = {
        ...change.profile,
        levelBucket: levelBucket(change.profile.level),
        updatedAt: new Date(),
      };
      if (!stored) {
        try {
          await this.model.collection.insertOne({
            _id: payload.userId,
            ...fields,
            version: 1,
          } as never);
          return change;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      const written = await this.model.updateOne(
        { _id: payload.userId, version: stored.version },
        { $set: fields, $inc: { version: 1 } },
      );
      if (written.matchedCount === 1) return change;
    }
    throw new Error(`the profile of ${payload.userId} kept changing; will be redelivered`);
  }

  /** A learner's profile; one nobody aggregated yet is level 0 without masteries. */
  async get(userId: string): Promise<LearnerSnapshot> {
    const stored = await this.model.findById(userId).lean<LearnerProfileDocument | null>();
    return { userId, ...(stored ?? EMPTY_PROFILE) };
  }

  async level(userId: string): Promise<LevelResponse> {
    const profile = await this.get(userId);
    return {
      userId,
      level: profile.level,
      points: profile.points,
      solvedByDifficulty: profile.solvedByDifficulty,
    };
  }

  /** Up to `limit` learners of one level bucket, the most recently aggregated first. */
  async inBucket(bucket: number, limit: number): Promise<LearnerSnapshot[]> {
    const docs = await this.model
      .find({ levelBucket: bucket })
      .sort({ updatedAt: -1 })
      .limit(limit)
      .lean<LearnerProfileDocument[]>();
    return docs.map((doc) => ({ userId: doc._id, ...doc }));
  }

  async exportUser(userId: string): Promise<LearnerProfileDocument[]> {
    const stored = await this.model.findById(userId).lean<LearnerProfileDocument | null>();
    return stored ? [stored] : [];
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteOne({ _id: userId })).deletedCount;
  }
}
