import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Platform } from '@prepmate/contracts';
import { chunkedBulkWrite, insertNew } from '@prepmate/platform';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import {
  LEGACY_UNMAPPED_TAGS_COLLECTION,
  UNMAPPED_TAG_MODEL,
  type UnmappedTagDocument,
} from './review.schemas';

/** Platform tags no alias maps, counted per (platform, tag), for admins to review. */
@Injectable()
export class UnmappedTagStore implements OnModuleInit {
  constructor(
    @InjectModel(UNMAPPED_TAG_MODEL) private readonly unmapped: Model<UnmappedTagDocument>,
  ) {}

  /**
   * Tags stored one document per occurrence (before the counts) are folded into the counts
   * once: the collection is first renamed to a name of this replica's, so of replicas starting
   * together only one folds it.
   */
  async onModuleInit(): Promise<void> {
    const db = this.unmapped.db;
    const exists = await db
      .db!.listCollections({ name: LEGACY_UNMAPPED_TAGS_COLLECTION })
      .toArray();
    if (exists.length === 0) return;
    const mine = `${LEGACY_UNMAPPED_TAGS_COLLECTION}_folding_${uuidv7().replace(/-/g, '')}`;
    try {
      await db.db!.renameCollection(LEGACY_UNMAPPED_TAGS_COLLECTION, mine);
    } catch {
      return; // another replica took it
    }
    const legacy = db.collection(mine);
    const docs = await legacy
      .find({}, { projection: { platform: 1, tag: 1, platformProblemId: 1, seenAt: 1 } })
      .toArray();
    await this.count(
      docs.map((doc) => ({
        platform: doc.platform as Platform,
        platformProblemId: String(doc.platformProblemId),
        tags: [String(doc.tag)],
        seenAt: doc.seenAt instanceof Date ? doc.seenAt : new Date(),
      })),
    );
    await legacy.drop();
  }

  /**
   * Counts each unmapped tag once per new platform problem carrying it: the tag's document is
   * created if missing (a duplicate key means another writer did), then incremented.
   */
  async record(
    entries: Array<{ platform: Platform; platformProblemId: string; tags: string[] }>,
  ): Promise<void> {
    const seenAt = new Date();
    await this.count(entries.map((entry) => ({ ...entry, seenAt })));
  }

  /**
   * Most frequent first (then by platform and tag), from offset `start`; `limit + 1` of them
   * so the caller knows whether more follow.
   */
  page(start: number, limit: number): Promise<UnmappedTagDocument[]> {
    return this.unmapped
      .find()
      .sort({ count: -1, _id: 1 })
      .skip(start)
      .limit(limit + 1)
      .lean<UnmappedTagDocument[]>();
  }

  private async count(
    entries: Array<{ platform: Platform; platformProblemId: string; tags: string[]; seenAt: Date }>,
  ): Promise<void> {
    const counts = new Map<
      string,
      { platform: Platform; tag: string; count: number; first: Date; last: Date }
    >();
    for (const { platform, tags, seenAt } of entries)
      for (const tag of new Set(tags)) {
        const key = `${platform}:${tag}`;
        const entry = counts.get(key) ?? { platform, tag, count: 0, first: seenAt, last: seenAt };
        entry.count += 1;
        if (seenAt < entry.first) entry.first = seenAt;
        if (seenAt > entry.last) entry.last = seenAt;
        counts.set(key, entry);
      }
    if (counts.size === 0) return;
    await insertNew(
      this.unmapped.collection,
      [...counts].map(([key, { platform, tag, first }]) => ({
        _id: key,
        platform,
        tag,
        count: 0,
        firstSeen: first,
        lastSeen: first,
      })),
    );
    await chunkedBulkWrite(
      this.unmapped.collection,
      [...counts].map(([key, { count, first, last }]) => ({
        updateOne: {
          filter: { _id: key },
          update: { $inc: { count }, $min: { firstSeen: first }, $max: { lastSeen: last } },
        },
      })),
    );
  }
}
