import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { insertNew, isDuplicateKeyError } from '@prepmate/platform';
import type { Model } from 'mongoose';
import {
  TAG_ALIAS_MODEL,
  type TagAliasDocument,
  TOPIC_MODEL,
  type TopicDocument,
} from './taxonomy.schemas';

async function insertMissing<T extends { _id: string }>(
  model: Model<T>,
  docs: T[],
): Promise<number> {
  const existing = new Set(
    (await model.find({}, { _id: 1 }).lean<Array<{ _id: string }>>()).map((doc) => doc._id),
  );
  const missing = docs.filter((doc) => !existing.has(doc._id));
  return missing.length - (await insertNew(model.collection, missing)).size;
}

/** Inserts the document; false when its id exists. */
async function insertUnlessTaken<T>(model: Model<T>, doc: T): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** The `topics` and `tag_aliases` collections. */
@Injectable()
export class TaxonomyStore {
  constructor(
    @InjectModel(TOPIC_MODEL) private readonly topics: Model<TopicDocument>,
    @InjectModel(TAG_ALIAS_MODEL) private readonly aliases: Model<TagAliasDocument>,
  ) {}

  /**
   * Inserts the topics and aliases that are missing (existing ones are kept); two replicas
   * doing it together both succeed (a duplicate key is someone else's insert). Returns how
   * many of each this call added.
   */
  async insertMissing(
    topics: TopicDocument[],
    aliases: TagAliasDocument[],
  ): Promise<{ topicsAdded: number; aliasesAdded: number }> {
    const topicsAdded = await insertMissing(this.topics, topics);
    const aliasesAdded = await insertMissing(this.aliases, aliases);
    return { topicsAdded, aliasesAdded };
  }

  async all(): Promise<{ topics: TopicDocument[]; aliases: TagAliasDocument[] }> {
    const [topics, aliases] = await Promise.all([
      this.topics.find().lean<TopicDocument[]>(),
      this.aliases.find().lean<TagAliasDocument[]>(),
    ]);
    return { topics, aliases };
  }

  /** False when a topic with this slug exists. */
  insertTopic(doc: TopicDocument): Promise<boolean> {
    return insertUnlessTaken(this.topics, doc);
  }

  /** False when this alias (on this platform) is mapped already. */
  insertAlias(doc: TagAliasDocument): Promise<boolean> {
    return insertUnlessTaken(this.aliases, doc);
  }
}
