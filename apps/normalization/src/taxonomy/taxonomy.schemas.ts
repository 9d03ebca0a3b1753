import type { Platform } from '@prepmate/contracts';
import { Schema } from 'mongoose';

export interface TopicDocument {
  /** The slug. */
  _id: string;
  name: string;
  category: string;
  estimatedHours: number;
  prerequisites: string[];
  /** Seeded from the taxonomy (false) or added by an admin (true). */
  custom: boolean;
  createdAt: Date;
}

export const TOPIC_MODEL = 'Topic';

export const TopicSchema = new Schema<TopicDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    category: { type: String, required: true },
    estimatedHours: { type: Number, required: true },
    prerequisites: { type: [String], default: [] },
    custom: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
  },
  { collection: 'topics', versionKey: false },
);

export interface TagAliasDocument {
  /** `${platform ?? '*'}:${alias}` */
  _id: string;
  alias: string;
  topic: string;
  platform: Platform | null;
  createdAt: Date;
}

export const TAG_ALIAS_MODEL = 'TagAlias';

export const TagAliasSchema = new Schema<TagAliasDocument>(
  {
    _id: { type: String, required: true },
    alias: { type: String, required: true },
    topic: { type: String, required: true },
    platform: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'tag_aliases', versionKey: false },
);

export const aliasId = (platform: Platform | null, alias: string) => `${platform ?? '*'}:${alias}`;
