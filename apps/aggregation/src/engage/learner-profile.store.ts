import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope } from '@prepmate/contracts';
import { OutboxRelay, withPendingEvents } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import { emptyProfile, type LearnerProfile } from './learner-profile';
import { LEARNER_PROFILE_MODEL, type LearnerProfileDocument } from './learner-profile.schema';

const DUPLICATE_KEY = 11000;
const MAX_TRIES = 8;

/** What a change decided: the profile to store and the events it announces, or nothing to do. */
export type ProfileChange = { profile: LearnerProfile; events: EventEnvelope[] } | null;

/**
 * Learner profiles, read and written by `_id`. Every change is a read, a pure step and a
 * write against the version read (compare and set, retried from a fresh read when another
 * replica or handler wrote in between), with its events in the same write (outbox).
 */
@Injectable()
export class LearnerProfileStore implements OnModuleInit {
  constructor(
    @InjectModel(LEARNER_PROFILE_MODEL) private readonly model: Model<LearnerProfileDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  async load(userId: string): Promise<{ profile: LearnerProfile; version: number }> {
    const doc = await this.model
      .findById(userId, { pendingEvents: 0, outboxPending: 0 })
      .lean<LearnerProfileDocument | null>();
    if (!doc) return { profile: emptyProfile(new Date()), version: 0 };
    const { _id, version, updatedAt, ...profile } = doc as LearnerProfileDocument &
      Record<string, unknown>;
    void _id;
    void updatedAt;
    return { profile: profile as LearnerProfile, version };
  }

  /**
   * Applies `change` to the stored profile (a new learner starts from an empty one) and
   * stores the result with its events; returns what was stored, or the unchanged profile
   * when `change` decided nothing.
   */
  async mutate(
    userId: string,
    change: (profile: LearnerProfile, isNew: boolean) => ProfileChange,
  ): Promise<LearnerProfile> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
      const { profile, version } = await this.load(userId);
      const decided = change(structuredClone(profile), version === 0);
      if (!decided) return profile;
      const update = {
        $set: { ...decided.profile, version: version + 1, updatedAt: new Date() },
      };
      const write =
        decided.events.length > 0 ? withPendingEvents(update, ...decided.events) : update;
      try {
        const result = await this.model.updateOne({ _id: userId, version }, write, {
          upsert: version === 0,
        });
        if (result.matchedCount === 1 || result.upsertedCount === 1) {
          if (decided.events.length > 0) this.relay.relaySoon(this.model, [userId]);
          return decided.profile;
        }
      } catch (error) {
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      }
    }
    throw new Error(`the profile of ${userId} kept changing; the change is retried later`);
  }

  /** Profiles whose reminder check is due, earliest first (the `nextCheckAt` index). */
  async dueForCheck(now: Date, limit: number): Promise<string[]> {
    const docs = await this.model
      .find({ nextCheckAt: { $lte: now } }, { _id: 1 })
      .sort({ nextCheckAt: 1 })
      .limit(limit)
      .lean<Array<{ _id: string }>>();
    return docs.map((doc) => doc._id);
  }

  async exportUser(userId: string): Promise<LearnerProfile | null> {
    const { profile, version } = await this.load(userId);
    return version === 0 ? null : profile;
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteOne({ _id: userId })).deletedCount;
  }
}
