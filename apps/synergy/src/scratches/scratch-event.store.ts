import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SCRATCH_EVENT_MODEL, type ScratchEventDocument } from './scratch.schema';

/** The `scratch_events` collection: every scratch, as it was made. */
@Injectable()
export class ScratchEventStore {
  constructor(
    @InjectModel(SCRATCH_EVENT_MODEL) private readonly model: Model<ScratchEventDocument>,
  ) {}

  async insert(event: ScratchEventDocument): Promise<void> {
    await this.model.collection.insertOne(event as never);
  }

  /** Learners who scratched posts of this author (to clean their records on deletion). */
  scratchersOf(authorId: string): Promise<string[]> {
    return this.model.distinct('scratcherId', { authorId });
  }

  exportUser(userId: string): Promise<ScratchEventDocument[]> {
    return this.model.find({ scratcherId: userId }).sort({ at: 1 }).lean<ScratchEventDocument[]>();
  }

  /** The learner's scratches and the scratches of their posts. */
  async deleteUser(userId: string): Promise<number> {
    const [mine, ofMine] = await Promise.all([
      this.model.deleteMany({ scratcherId: userId }),
      this.model.deleteMany({ authorId: userId }),
    ]);
    return mine.deletedCount + ofMine.deletedCount;
  }
}
