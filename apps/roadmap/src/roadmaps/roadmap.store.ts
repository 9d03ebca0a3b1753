import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Page, PageRpcData } from '@prepmate/contracts';
import { afterIdFilter, AppError, idPage, insertNew } from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import { OFFICIAL_ROADMAPS } from '../domain/official-roadmaps';
import type { RoadmapTopic } from '../domain/roadmap-topic';
import {
  FOLLOW_MODEL,
  type FollowDocument,
  ROADMAP_MODEL,
  ROADMAP_SLOT_MODEL,
  type RoadmapDocument,
  type RoadmapSlotDocument,
} from './roadmap.schema';

/** Roadmaps and follows; official roadmaps are seeded (idempotently) at start. */
@Injectable()
export class RoadmapStore implements OnModuleInit {
  constructor(
    @InjectModel(ROADMAP_MODEL) private readonly model: Model<RoadmapDocument>,
    @InjectModel(FOLLOW_MODEL) private readonly follows: Model<FollowDocument>,
    @InjectModel(ROADMAP_SLOT_MODEL) private readonly slots: Model<RoadmapSlotDocument>,
  ) {}

  async onModuleInit(): Promise<void> {
    const now = new Date();
    await insertNew(
      this.model.collection,
      OFFICIAL_ROADMAPS.map((roadmap) => ({
        _id: roadmap.slug,
        name: roadmap.name,
        description: roadmap.description,
        targetRole: roadmap.targetRole,
        official: true,
        createdBy: null,
        topics: roadmap.topics,
        version: 0,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }

  find(roadmapId: string): Promise<RoadmapDocument | null> {
    return this.model.findById(roadmapId).lean<RoadmapDocument | null>();
  }

  official(): Promise<RoadmapDocument[]> {
    return this.model.find({ official: true }).lean<RoadmapDocument[]>();
  }

  ownedBy(userId: string): Promise<RoadmapDocument[]> {
    return this.model.find({ createdBy: userId }).lean<RoadmapDocument[]>();
  }

  /** A page of the roadmaps `userId` sees (official ones and their own), by id. */
  async visiblePage(
    userId: string,
    { limit, cursor }: PageRpcData,
  ): Promise<Page<RoadmapDocument>> {
    const filter: FilterQuery<RoadmapDocument> = {
      $or: [{ official: true }, { createdBy: userId }],
      ...afterIdFilter(cursor, 'asc'),
    };
    const docs = await this.model
      .find(filter)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<RoadmapDocument[]>();
    return idPage(docs, limit);
  }

  /**
   * Takes one of the user's `max` places for a new custom roadmap: the first free one from
   * the number they own (the `_id` decides between concurrent creations). False when all are
   * taken.
   */
  async claimSlot(userId: string, roadmapId: string, max: number): Promise<boolean> {
    const owned = await this.model.countDocuments({ createdBy: userId });
    for (let slot = owned; slot < max; slot += 1) {
      const taken = await insertNew(this.slots.collection, [
        { _id: `${userId}:${slot}`, userId, roadmapId, createdAt: new Date() },
      ]);
      if (taken.size === 0) return true;
    }
    return false;
  }

  async insert(doc: RoadmapDocument): Promise<void> {
    await this.model.create(doc);
  }

  /** Writes new topics over the version that was read; a concurrent edit → 409. */
  async replaceTopics(roadmap: RoadmapDocument, topics: RoadmapTopic[]): Promise<RoadmapDocument> {
    const updatedAt = new Date();
    const result = await this.model.updateOne(
      { _id: roadmap._id, version: roadmap.version },
      { $set: { topics, updatedAt, version: roadmap.version + 1 } },
    );
    if (result.matchedCount === 0)
      throw AppError.because(
        'ROADMAP_VERSION_CONFLICT',
        'the roadmap was changed by another request; read it again',
      );
    return { ...roadmap, topics, updatedAt, version: roadmap.version + 1 };
  }

  async followedIds(userId: string): Promise<string[]> {
    const docs = await this.follows.find({ userId }).lean<FollowDocument[]>();
    return docs.map((doc) => doc.roadmapId);
  }

  async follow(userId: string, roadmapId: string): Promise<void> {
    await insertNew(this.follows.collection, [
      { _id: `${userId}:${roadmapId}`, userId, roadmapId, createdAt: new Date() },
    ]);
  }

  async unfollow(userId: string, roadmapId: string): Promise<boolean> {
    return (await this.follows.deleteOne({ _id: `${userId}:${roadmapId}` })).deletedCount > 0;
  }

  /**
   * A page of the roadmaps whose progress the user gets (owned and followed), by id: their
   * ids are read (bounded by CUSTOM_ROADMAPS_PER_USER and the roadmaps one can follow), only
   * the page's roadmaps.
   */
  async ofUserPage(userId: string, { limit, cursor }: PageRpcData): Promise<Page<RoadmapDocument>> {
    const [owned, followed] = await Promise.all([
      this.model.find({ createdBy: userId }, { _id: 1 }).lean<Array<{ _id: string }>>(),
      this.followedIds(userId),
    ]);
    const ids = [...new Set([...owned.map((doc) => doc._id), ...followed])]
      .filter((id) => !cursor || id > cursor)
      .sort();
    const wanted = ids.slice(0, limit);
    const found = await Promise.all(wanted.map((id) => this.find(id)));
    return {
      items: found.filter((roadmap): roadmap is RoadmapDocument => roadmap !== null),
      nextCursor: ids.length > limit ? wanted[wanted.length - 1] : null,
    };
  }

  /** Roadmaps whose progress the user gets: owned and followed. */
  async ofUser(userId: string): Promise<RoadmapDocument[]> {
    const [owned, followed] = await Promise.all([this.ownedBy(userId), this.followedIds(userId)]);
    const ids = new Set(owned.map((roadmap) => roadmap._id));
    const others = await Promise.all(
      followed.filter((id) => !ids.has(id)).map((id) => this.find(id)),
    );
    return [...owned, ...others.filter((roadmap): roadmap is RoadmapDocument => roadmap !== null)];
  }

  async exportUser(userId: string) {
    const [roadmaps, follows, slots] = await Promise.all([
      this.ownedBy(userId),
      this.follows.find({ userId }).lean<FollowDocument[]>(),
      this.slots.find({ userId }).lean<RoadmapSlotDocument[]>(),
    ]);
    return { roadmaps, follows, customRoadmapSlots: slots };
  }

  async deleteUser(userId: string): Promise<number> {
    const [roadmaps, follows, slots] = await Promise.all([
      this.model.deleteMany({ createdBy: userId }),
      this.follows.deleteMany({ userId }),
      this.slots.deleteMany({ userId }),
    ]);
    return roadmaps.deletedCount + follows.deletedCount + slots.deletedCount;
  }
}
