import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { afterKeyFilter, type KeysetPosition } from '@prepmate/platform';
import type { FilterQuery, Model } from 'mongoose';
import { POST_MODEL, type PostDocument } from './post.schema';

/** Newest first, ties by the later id. */
const NEWEST = { key: 'desc', id: 'desc' } as const;

/** The `posts` collection. */
@Injectable()
export class PostStore {
  constructor(@InjectModel(POST_MODEL) private readonly model: Model<PostDocument>) {}

  async insert(post: PostDocument): Promise<void> {
    await this.model.collection.insertOne(post as never);
  }

  /** Applies the edit if the post is still at `version` (bumping it); false when another edit won. */
  async updateAtVersion(
    postId: string,
    version: number,
    $set: Partial<PostDocument>,
  ): Promise<boolean> {
    const written = await this.model.updateOne(
      { _id: postId, version },
      { $set, $inc: { version: 1 } },
    );
    return written.matchedCount === 1;
  }

  async remove(postId: string): Promise<void> {
    await this.model.deleteOne({ _id: postId });
  }

  find(postId: string): Promise<PostDocument | null> {
    return this.model.findById(postId).lean<PostDocument | null>();
  }

  /**
   * Newest first (everyone's posts, or one author's), after the cursor (the last post of the
   * previous page); `limit + 1` of them so the caller knows whether more follow.
   */
  page(
    authorId: string | undefined,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<PostDocument[]> {
    const filter: FilterQuery<PostDocument> = {
      ...(authorId ? { authorId } : {}),
      ...(after ? afterKeyFilter('createdAt', { ...after, key: new Date(after.key) }, NEWEST) : {}),
    };
    return this.model
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<PostDocument[]>();
  }

  exportUser(userId: string): Promise<PostDocument[]> {
    return this.model.find({ authorId: userId }).sort({ createdAt: 1 }).lean<PostDocument[]>();
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ authorId: userId })).deletedCount;
  }
}
