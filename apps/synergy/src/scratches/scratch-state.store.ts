import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { grownCoverage } from '../domain/scratch-coverage';
import {
  SCRATCH_STATE_MODEL,
  type ScratchedPost,
  type ScratchStateDocument,
} from './scratch.schema';
import { isDuplicateKeyError } from '@prepmate/platform';

/** The per-learner record of scratched posts (see ScratchStateDocument). */
@Injectable()
export class ScratchStateStore {
  constructor(
    @InjectModel(SCRATCH_STATE_MODEL) private readonly model: Model<ScratchStateDocument>,
  ) {}

  /**
   * Raises the learner's coverage of the post to at least `coverage` in one atomic update
   * (`$max`: concurrent scratches of any replica cannot lower it) and returns the coverage now
   * stored. (FerretDB 1.24 cannot project a findAndModify, so the record comes back whole; it
   * holds the posts one learner scratched, at most 300 more an hour.)
   */
  async raise(
    scratcherId: string,
    postId: string,
    authorId: string,
    coverage: number,
    at: Date,
  ): Promise<number> {
    const path = `posts.${postId}`;
    const raise = () =>
      this.model.collection.findOneAndUpdate(
        { _id: scratcherId } as never,
        {
          $max: { [`${path}.coverage`]: coverage },
          $set: { [`${path}.authorId`]: authorId },
          $min: { [`${path}.firstAt`]: at },
        } as never,
        { upsert: true, returnDocument: 'after' },
      );
    // A learner's first two scratches racing both try to insert the record: the loser retries
    // and updates the record the winner inserted.
    const after = await raise().catch((error: unknown) => {
      if (!isDuplicateKeyError(error)) throw error;
      return raise();
    });
    const stored = (after as ScratchStateDocument | null)?.posts?.[postId]?.coverage;
    return grownCoverage(stored, coverage);
  }

  /** The reader's coverage of each of these posts they scratched (one `_id` read, projected). */
  async coverages(
    readerId: string,
    posts: ReadonlyArray<{ _id: string; authorId: string }>,
  ): Promise<Map<string, number>> {
    const others = posts.filter((post) => post.authorId !== readerId);
    if (others.length === 0) return new Map();
    const projection = Object.fromEntries(others.map((post) => [`posts.${post._id}`, 1]));
    const state = await this.model
      .findById(readerId, projection)
      .lean<ScratchStateDocument | null>();
    return new Map(
      Object.entries(state?.posts ?? {}).map(([postId, scratched]) => [postId, scratched.coverage]),
    );
  }

  /** Distinct posts of `authorId` that `scratcherId` scratched (a→b of the score). */
  async distinctPostsOf(scratcherId: string, authorId: string): Promise<number> {
    const state = await this.model.findById(scratcherId).lean<ScratchStateDocument | null>();
    return Object.values(state?.posts ?? {}).filter(
      (scratched: ScratchedPost) => scratched.authorId === authorId,
    ).length;
  }

  async exportUser(userId: string): Promise<ScratchStateDocument[]> {
    const state = await this.model.findById(userId).lean<ScratchStateDocument | null>();
    return state ? [state] : [];
  }

  /**
   * The learner's own record, and the entries of their posts in other learners' records
   * (`scratchers`: who scratched them, from the scratch events).
   */
  async deleteUser(userId: string, scratchers: readonly string[]): Promise<number> {
    let removed = (await this.model.deleteOne({ _id: userId })).deletedCount;
    for (const scratcherId of scratchers) {
      if (scratcherId === userId) continue;
      const state = await this.model.findById(scratcherId).lean<ScratchStateDocument | null>();
      const theirs = Object.entries(state?.posts ?? {}).filter(([, s]) => s.authorId === userId);
      if (theirs.length === 0) continue;
      await this.model.updateOne(
        { _id: scratcherId },
        { $unset: Object.fromEntries(theirs.map(([postId]) => [`posts.${postId}`, ''])) },
      );
      removed += theirs.length;
    }
    return removed;
  }
}
