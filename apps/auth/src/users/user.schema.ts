import { outboxPlugin, type OutboxFields } from '@prepmate/messaging';
import type { UserRole } from '@prepmate/contracts';
import { Schema } from 'mongoose';

export interface UserDocument extends OutboxFields {
  _id: string;
  /** As the user typed it (trimmed). */
  email: string;
  /** Lower-cased: the unique key, so emails are case-insensitive. */
  emailKey: string;
  name: string;
  passwordHash: string;
  role: UserRole;
  targetCompanies: string[];
  preparationTargetDate: string | null;
  /** IANA time zone (e.g. `Europe/Berlin`): where the learner's days begin and end. */
  timeZone: string;
  /** One more per profile change (PATCH /me): the version `user.profile_updated` carries. */
  profileVersion?: number;
  /** False when an admin locked the account, or it was deleted. */
  isActive: boolean;
  /** Set when the user deleted the account (its personal fields are erased). */
  deletedAt: Date | null;
  lastLogin: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const USER_MODEL = 'User';

export const UserSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    emailKey: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ['student', 'mentor', 'admin'], default: 'student' },
    targetCompanies: { type: [String], default: [] },
    preparationTargetDate: { type: String, default: null },
    timeZone: { type: String, default: 'UTC' },
    profileVersion: { type: Number },
    isActive: { type: Boolean, default: true },
    deletedAt: { type: Date, default: null },
    lastLogin: { type: Date, default: null },
  },
  { collection: 'users', timestamps: true, versionKey: false },
);
UserSchema.plugin(outboxPlugin);
