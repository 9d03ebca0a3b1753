import { Schema } from 'mongoose';
import type { VerifiedTopicTasks } from '../domain/verified-tasks';

/**
 * A learner's verified tasks per topic, projected from `task.completed`: one document per
 * user (its id), so counting is one read and one guarded write and a progress read one `_id`
 * lookup (docs/product.md#after-verification).
 */
export interface VerifiedTasksDocument {
  _id: string;
  topics: Record<string, VerifiedTopicTasks>;
  recentTaskIds: string[];
  /** Bumped by every write; a write expects the version it read. */
  version: number;
  updatedAt: Date;
}

export const VERIFIED_TASKS_MODEL = 'VerifiedTasks';

export const VerifiedTasksSchema = new Schema<VerifiedTasksDocument>(
  {
    _id: { type: String, required: true },
    topics: { type: Schema.Types.Mixed, required: true },
    recentTaskIds: { type: [String], required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'verified_task_topics', versionKey: false, minimize: false },
);
