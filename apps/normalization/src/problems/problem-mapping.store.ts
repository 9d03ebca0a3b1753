import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { insertNew } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { PROBLEM_MAPPING_MODEL, type ProblemMappingDocument } from './problem-mapping.schema';

/** The `problem_mappings` collection (immutable; `ProblemCatalog` caches what it reads). */
@Injectable()
export class ProblemMappingStore {
  constructor(
    @InjectModel(PROBLEM_MAPPING_MODEL) private readonly model: Model<ProblemMappingDocument>,
  ) {}

  findMany(keys: string[]): Promise<ProblemMappingDocument[]> {
    return this.model.find({ _id: { $in: keys } }).lean<ProblemMappingDocument[]>();
  }

  /** Inserts the mappings the unique index lets in; returns the keys that existed already. */
  async insertNew(docs: ProblemMappingDocument[]): Promise<Set<string>> {
    const existing = await insertNew(this.model.collection, docs);
    return new Set([...existing].map((index) => docs[index]._id));
  }
}
