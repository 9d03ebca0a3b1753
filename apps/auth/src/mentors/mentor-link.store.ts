import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { MentorLinkStatus } from '@prepmate/contracts';
import type { FilterQuery, Model } from 'mongoose';
import { afterKeyFilter, type KeysetPosition } from '@prepmate/platform';
import { MENTOR_LINK_MODEL, type MentorLinkDocument } from './mentor-link.schema';

export const mentorLinkId = (mentorId: string, studentId: string) => `${mentorId}:${studentId}`;

/** Mentor links in auth's database; every change is conditional on the status it replaces. */
@Injectable()
export class MentorLinkStore {
  constructor(@InjectModel(MENTOR_LINK_MODEL) private readonly model: Model<MentorLinkDocument>) {}

  get(mentorId: string, studentId: string): Promise<MentorLinkDocument | null> {
    return this.model
      .findOne({ _id: mentorLinkId(mentorId, studentId) })
      .lean<MentorLinkDocument>();
  }

  /**
   * A new invitation, or a declined one sent again (false: another request changed it
   * meanwhile — a duplicate insert or a status that is no longer `expected`).
   */
  async invite(
    mentorId: string,
    studentId: string,
    expected: MentorLinkStatus | null,
  ): Promise<boolean> {
    const _id = mentorLinkId(mentorId, studentId);
    const fields = { status: 'pending' as const, invitedAt: new Date(), respondedAt: null };
    if (expected === null) {
      try {
        await this.model.create({ _id, mentorId, studentId, ...fields });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    }
    const result = await this.model.updateOne({ _id, status: expected }, { $set: fields });
    return result.modifiedCount === 1;
  }

  /** The mentor's answer, applied only to a still-pending invitation. */
  async answer(mentorId: string, studentId: string, status: MentorLinkStatus): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: mentorLinkId(mentorId, studentId), status: 'pending' },
      { $set: { status, respondedAt: new Date() } },
    );
    return result.modifiedCount === 1;
  }

  async remove(mentorId: string, studentId: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: mentorLinkId(mentorId, studentId) });
    return result.deletedCount === 1;
  }

  /**
   * One page of the mentor's links in `status`, oldest invitation first, after `after` (a
   * position in (invitedAt, _id) order): at most `limit` documents, by the
   * (mentorId, status, invitedAt, _id) index.
   */
  pageOfMentor(
    mentorId: string,
    status: MentorLinkStatus,
    limit: number,
    after?: KeysetPosition,
  ): Promise<MentorLinkDocument[]> {
    const filter: FilterQuery<MentorLinkDocument> = {
      mentorId,
      status,
      ...(after
        ? afterKeyFilter(
            'invitedAt',
            { key: new Date(after.key), id: after.id },
            { key: 'asc', id: 'asc' },
          )
        : {}),
    };
    return this.model
      .find(filter)
      .sort({ invitedAt: 1, _id: 1 })
      .limit(limit)
      .lean<MentorLinkDocument[]>();
  }

  /** The mentor's pending invitations, counted up to `upTo` (the count stays bounded). */
  countPending(mentorId: string, upTo: number): Promise<number> {
    return this.model.countDocuments({ mentorId, status: 'pending' }, { limit: upTo });
  }

  ofStudent(studentId: string): Promise<MentorLinkDocument[]> {
    return this.model.find({ studentId }).sort({ invitedAt: 1 }).lean<MentorLinkDocument[]>();
  }

  /** Both sides: the user's links as a student and as a mentor. */
  async ofUser(userId: string): Promise<MentorLinkDocument[]> {
    const [asStudent, asMentor] = await Promise.all([
      this.ofStudent(userId),
      this.model.find({ mentorId: userId }).sort({ invitedAt: 1 }).lean<MentorLinkDocument[]>(),
    ]);
    return [...asStudent, ...asMentor];
  }

  async deleteUser(userId: string): Promise<number> {
    const [asStudent, asMentor] = await Promise.all([
      this.model.deleteMany({ studentId: userId }),
      this.model.deleteMany({ mentorId: userId }),
    ]);
    return asStudent.deletedCount + asMentor.deletedCount;
  }
}
