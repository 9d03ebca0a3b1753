import type { MentorLinkStatus } from '@prepmate/contracts';
import { Schema } from 'mongoose';

/** A student's invitation of a mentor and, once accepted, the link that lets the mentor read. */
export interface MentorLinkDocument {
  /** `${mentorId}:${studentId}`: the scope check of every mentor request is one `_id` lookup. */
  _id: string;
  mentorId: string;
  studentId: string;
  status: MentorLinkStatus;
  invitedAt: Date;
  respondedAt: Date | null;
}

export const MENTOR_LINK_MODEL = 'MentorLink';

export const MentorLinkSchema = new Schema<MentorLinkDocument>(
  {
    _id: { type: String, required: true },
    mentorId: { type: String, required: true },
    studentId: { type: String, required: true },
    status: { type: String, required: true },
    invitedAt: { type: Date, required: true },
    respondedAt: { type: Date, default: null },
  },
  { collection: 'mentor_links', versionKey: false },
);
// The mentor's lists (pending invitations, accepted students), a page at a time in
// (invitedAt, _id) order, and the count of pending invitations under the cap.
MentorLinkSchema.index({ mentorId: 1, status: 1, invitedAt: 1, _id: 1 });
MentorLinkSchema.index({ studentId: 1 });
