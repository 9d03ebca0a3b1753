import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxRelay } from '@prepmate/messaging';
import { isDuplicateKeyError } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { PROGRESS_MODEL, type ProgressDocument } from './progress.schema';

/** The `roadmap_progress` collection: one stored PCI per user and roadmap (`userId:roadmapId`). */
@Injectable()
export class ProgressStore implements OnModuleInit {
  constructor(
    @InjectModel(PROGRESS_MODEL) private readonly model: Model<ProgressDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Before the relay's first sweep (on bootstrap), so events left by a crash go out at once. */
  onModuleInit(): void {
    this.relay.register(this.model);
  }

  get(id: string): Promise<ProgressDocument | null> {
    return this.model.findById(id, { pendingEvents: 0 }).lean<ProgressDocument | null>();
  }

  /**
   * Writes the progress only if what is stored was computed from inputs no newer (roadmap
   * version, then mastery snapshot version): two replicas recomputing one user's PCI cannot
   * store the older result last. False when a newer result is stored.
   */
  async storeIfNotOlder(
    _id: string,
    roadmapVersion: number,
    masteryVersion: number,
    update: object,
  ): Promise<boolean> {
    const filter = {
      _id,
      $or: [
        { masteryVersion: { $exists: false } },
        { roadmapVersion: { $lt: roadmapVersion } },
        { roadmapVersion, masteryVersion: { $lte: masteryVersion } },
      ],
    };
    try {
      await this.model.updateOne(filter, update, { upsert: true });
      return true;
    } catch (error) {
      // The filter did not match the stored document, so the upsert collided with it.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Publishes the progress's pending `pci.recomputed` now (the fast path after a write; a failure is left to the outbox sweep). */
  async relayPending(id: string): Promise<void> {
    await this.relay.relayOrLeave(this.model, [id]);
  }

  async exportUser(userId: string) {
    return this.model.find({ userId }, { pendingEvents: 0 }).lean();
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
