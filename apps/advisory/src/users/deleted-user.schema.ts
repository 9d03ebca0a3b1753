import { Schema } from 'mongoose';

/**
 * A user whose data advisory deleted: nothing is written for them again (a late
 * `pci.recomputed`, a request still carrying a valid token). Only the id and the time.
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
