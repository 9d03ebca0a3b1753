import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Platform } from '@prepmate/contracts';
import type { Model } from 'mongoose';
import { INTEGRATION_MODEL, type IntegrationDocument } from './integration.schema';
import type { SealedSecret } from './secret-box';

/** One link per user and platform: its `_id`. */
export const integrationId = (userId: string, platform: Platform) => `${userId}:${platform}`;

/** What a link (re)writes; the cookie is already sealed. */
export interface IntegrationLink {
  userId: string;
  platform: Platform;
  username: string;
  sealedCookie: SealedSecret | null;
  at: Date;
}

/** The `integrations` collection: users' linked platform accounts. */
@Injectable()
export class IntegrationStore {
  constructor(@InjectModel(INTEGRATION_MODEL) private readonly model: Model<IntegrationDocument>) {}

  /**
   * Creates or replaces the user's link to the platform: a cookie not sent again is
   * forgotten (it may belong to the account linked before).
   */
  async link(link: IntegrationLink): Promise<IntegrationDocument> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: integrationId(link.userId, link.platform) },
        {
          $set: { username: link.username, updatedAt: link.at, sessionCookie: link.sealedCookie },
          $setOnInsert: { userId: link.userId, platform: link.platform, linkedAt: link.at },
        },
        { upsert: true, new: true },
      )
      .lean<IntegrationDocument>();
    return doc!;
  }

  listForUser(userId: string): Promise<IntegrationDocument[]> {
    return this.model.find({ userId }).sort({ platform: 1 }).lean<IntegrationDocument[]>();
  }

  get(userId: string, platform: Platform): Promise<IntegrationDocument | null> {
    return this.model.findOne({ _id: integrationId(userId, platform) }).lean<IntegrationDocument>();
  }

  /** Whether a link was there to remove. */
  async remove(userId: string, platform: Platform): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: integrationId(userId, platform) });
    return result.deletedCount > 0;
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId })).deletedCount;
  }
}
