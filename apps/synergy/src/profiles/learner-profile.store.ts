import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { LevelResponse, TopicAggregatedPayload } from '@prepmate/contracts';
import type { Model } from 'mongoose';
import {
  addVerifiedTask,
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
export class LearnerProfileStore {
  constructor(
    @InjectModel(LEARNER_PROFILE_MODEL) private readonly model: Model<LearnerProfileDocument>,
  ) {}

  /**
   * Merges the event into the learner's profile with a version compare: a concurrent writer
   * (a replica, a redelivery) makes the loser read and merge again.
   */
  apply(payload: TopicAggregatedPayload): Promise<ProfileChange> {
    return this.write(payload.userId, (stored) => {
      const change = mergeReport(stored ?? EMPTY_PROFILE, payload);
      const same =
        stored &&
        !change.levelChanged &&
        !change.masteryChanged &&
        stored.solvedAt === change.profile.solvedAt;
      return same ? null : change;
    });
  }

  /** `task.completed`: the verified task joins the learner's points (once). */
  addVerifiedTask(userId: string, taskId: string): Promise<ProfileChange> {
    return this.write(userId, (stored) => {
      const state = stored ? stateOf(stored) : EMPTY_PROFILE;
      const change = addVerifiedTask(state, taskId);
      return change.profile === state && stored ? null : change;
    });
  }

  /**
   * Writes what `merge` makes of the stored profile (null: nothing to write) with a version
   * compare: a concurrent writer makes the loser read and merge again.
   */
  private async write(
    userId: string,
    merge: (stored: LearnerProfileDocument | null) => ProfileChange | null,
  ): Promise<ProfileChange> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = await this.model.findById(userId).lean<LearnerProfileDocument | null>();
      const change = merge(stored);
      if (!change) return { profile: stored!, levelChanged: false, masteryChanged: false };
      const fields = {
        ...change.profile,
        levelBucket: levelBucket(change.profile.level),
        updatedAt: new Date(),
      };
      if (!stored) {
        try {
          await this.model.collection.insertOne({
            _id: userId,
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
        { _id: userId, version: stored.version },
        { $set: fields, $inc: { version: 1 } },
      );
      if (written.matchedCount === 1) return change;
    }
    throw new Error(`the profile of ${userId} kept changing; will be redelivered`);
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

/** The profile fields of a stored document (not its id, version or bucket). */
function stateOf(doc: LearnerProfileDocument): LearnerProfileState {
  return {
    solvedByDifficulty: doc.solvedByDifficulty,
    solvedAt: doc.solvedAt,
    points: doc.points,
    level: doc.level,
    topics: doc.topics,
    verifiedTaskIds: doc.verifiedTaskIds ?? [],
  };
}
