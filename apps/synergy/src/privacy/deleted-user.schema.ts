import { Schema } from 'mongoose';

/**
 * A learner whose data was deleted: checked before anything is written for a user, so a late
 * event or a request with a still-valid token never recreates what was removed.
 */
export interface DeletedUserDocument {
  _id: string;
  deletedAt: Date;
}

export const DELETED_USER_MODEL = 'DeletedUser';

export const DeletedUserSchema = new Schema<DeletedUserDocument>(
  {
    _id: { type: String, required: true },
    deletedAt: { type: Date, required: true },
  },
  { collection: 'deleted_users', versionKey: false },
);
