import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AppError, insertNew } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { OFFICIAL_ROADMAPS } from '../domain/official-roadmaps';
import type { RoadmapTopic } from '../domain/roadmap-topic';
import {
  FOLLOW_MODEL,
  type FollowDocument,
  ROADMAP_MODEL,
  type RoadmapDocument,
} from './roadmap.schema';

/** Roadmaps and follows; official roadmaps are seeded (idempotently) at start. */
@Injectable()
export class RoadmapStore implements OnModuleInit {
  constructor(
    @InjectModel(ROADMAP_MODEL) readonly model: Model<RoadmapDocument>,
    @InjectModel(FOLLOW_MODEL) private readonly follows: Model<FollowDocument>,
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
      throw new AppError('CONFLICT', 'the roadmap was changed by another request; read it again');
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
    const [roadmaps, follows] = await Promise.all([
      this.ownedBy(userId),
      this.follows.find({ userId }).lean<FollowDocument[]>(),
    ]);
    return { roadmaps, follows };
  }

  async deleteUser(userId: string): Promise<number> {
    const [roadmaps, follows] = await Promise.all([
      this.model.deleteMany({ createdBy: userId }),
      this.follows.deleteMany({ userId }),
    ]);
    return roadmaps.deletedCount + follows.deletedCount;
  }
}
