import { Schema } from 'mongoose';

/** A reflection post; the content is stored exactly as given (plain text or Markdown). */
export interface PostDocument {
  _id: string;
  authorId: string;
  content: string;
  /** Taxonomy slugs. */
  skills: string[];
  /** The post's topic as the feed shows it: its first skill. */
  topic: string | null;
  taskId: string | null;
  problemId: string | null;
  /** Characters of the content (what a masked post shows of it). */
  length: number;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by each edit; an edit applies only to the version it read. */
  version: number;
}

export const POST_MODEL = 'Post';

export const PostSchema = new Schema<PostDocument>(
  {
    _id: { type: String, required: true },
    authorId: { type: String, required: true },
    content: { type: String, required: true },
    skills: { type: [String], required: true },
    topic: { type: String, default: null },
    taskId: { type: String, default: null },
    problemId: { type: String, default: null },
    length: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'posts', versionKey: false },
);
PostSchema.index({ createdAt: -1, _id: -1 });
PostSchema.index({ authorId: 1, createdAt: -1, _id: -1 });
