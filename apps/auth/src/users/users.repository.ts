import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope, Page } from '@prepmate/contracts';
import type { OutboxFields } from '@prepmate/messaging';
import { withPendingEvents } from '@prepmate/messaging';
import type { Model } from 'mongoose';
import { USER_MODEL, type UserDocument } from './user.schema';

/** Users in auth's own database. Email uniqueness is the unique index on `emailKey`. */
@Injectable()
export class UsersRepository {
  constructor(@InjectModel(USER_MODEL) readonly model: Model<UserDocument>) {}

  /** Inserts the user with its events in the same write; false when the email is taken. */
  async insert(
    user: Omit<UserDocument, 'createdAt' | 'updatedAt' | keyof OutboxFields>,
    events: EventEnvelope[],
  ): Promise<boolean> {
    try {
      await this.model.create({ ...user, pendingEvents: events });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  findByEmail(email: string): Promise<UserDocument | null> {
    return this.model
      .findOne({ emailKey: email.toLowerCase(), isActive: true })
      .lean<UserDocument>();
  }

  findById(id: string): Promise<UserDocument | null> {
    return this.model.findOne({ _id: id, isActive: true }).lean<UserDocument>();
  }

  async update(
    id: string,
    changes: Partial<
      Pick<
        UserDocument,
        'name' | 'targetCompanies' | 'preparationTargetDate' | 'role' | 'lastLogin'
      >
    >,
  ): Promise<UserDocument | null> {
    return this.model
      .findOneAndUpdate({ _id: id, isActive: true }, { $set: changes }, { new: true })
      .lean<UserDocument>();
  }

  async promoteAdmins(emails: string[]): Promise<number> {
    if (emails.length === 0) return 0;
    const result = await this.model.updateMany(
      { emailKey: { $in: emails }, role: { $ne: 'admin' } },
      { $set: { role: 'admin' } },
    );
    return result.modifiedCount;
  }

  /**
   * Deactivates the account and queues its deletion event in one write; the personal
   * fields are erased at once, the document stays until the event is published.
   */
  async deactivate(id: string, event: EventEnvelope): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, isActive: true },
      withPendingEvents(
        {
          $set: {
            isActive: false,
            email: '',
            emailKey: `deleted:${id}`,
            name: '',
            passwordHash: '',
            targetCompanies: [],
            preparationTargetDate: null,
          },
        },
        event,
      ),
    );
    return result.modifiedCount === 1;
  }

  /** Users by creation order (ids are UUID v7, so time-ordered), for admins. */
  async list(limit: number, cursor?: string): Promise<Page<UserDocument>> {
    const filter = cursor ? { isActive: true, _id: { $gt: cursor } } : { isActive: true };
    const items = await this.model
      .find(filter)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<UserDocument[]>();
    const page = items.slice(0, limit);
    return { items: page, nextCursor: items.length > limit ? page[page.length - 1]._id : null };
  }
}
