import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Platform } from '@prepmate/contracts';
import type { FilterQuery } from 'mongoose';
import { TitleIndex } from '../domain/title-index';
import { NormalizationConfig } from '../normalization.config';
import type { CanonicalProblemDocument, ProblemPlatformEntry } from './canonical-problem.schema';
import type { PlatformAddition } from './problem-documents';
import type { ProblemMappingDocument } from './problem-mapping.schema';
import { ProblemMappingStore } from './problem-mapping.store';
import { ProblemStore } from './problem.store';
import {
  confirmEntryUpdate,
  confirmProblemUpdate,
  platformAdditionUpdates,
  vouchUpdate,
} from './problem-updates';

/** Problems created by other replicas join the in-memory title index within this time. */
const TITLE_INDEX_TTL_MS = 30_000;
/** Mappings never change, so the cache only needs a size bound. */
const MAPPING_CACHE_LIMIT = 200_000;

/**
 * Canonical problems and platform mappings, over their stores (`ProblemStore`,
 * `ProblemMappingStore`). Mappings are immutable and cached; titles of the
 * confirmed canonical problems are indexed in memory for similarity search (exact titles are
 * always looked up in the database, so a stale index can only miss a near-duplicate, and
 * unconfirmed problems — what imports alone vouch for — are found by exact title only: the
 * index does not grow with them).
 */
@Injectable()
export class ProblemCatalog implements OnModuleInit {
  private readonly mappings = new Map<string, ProblemMappingDocument>();
  private titles?: { index: TitleIndex; loadedAt: number };

  constructor(
    private readonly problems: ProblemStore,
    private readonly mappingStore: ProblemMappingStore,
    private readonly config: NormalizationConfig,
  ) {}

  /** Problems stored before confirmation existed are confirmed (they were everyone's). */
  async onModuleInit(): Promise<void> {
    await this.problems.confirmUnmarked();
  }

  /**
   * Mappings by id from the cache alone. A key missing here is treated as a new problem:
   * inserting its mapping then tells whether another replica mapped it already (the unique
   * index), so no lookup is needed first — on FerretDB a lookup of many ids reads the whole
   * collection.
   */
  cachedMappings(keys: string[]): Map<string, ProblemMappingDocument> {
    const found = new Map<string, ProblemMappingDocument>();
    for (const key of keys) {
      const cached = this.mappings.get(key);
      if (cached) found.set(key, cached);
    }
    return found;
  }

  /**
   * Mappings by id (`platform:platformProblemId`), from the cache or one query for the rest.
   * Those read are cached unless `remember` is false (the caller caches them once it has
   * checked them, with `rememberMappings`).
   */
  async findMappings(
    keys: string[],
    { remember = true }: { remember?: boolean } = {},
  ): Promise<Map<string, ProblemMappingDocument>> {
    const found = new Map<string, ProblemMappingDocument>();
    const missing: string[] = [];
    for (const key of keys) {
      const cached = this.mappings.get(key);
      if (cached) found.set(key, cached);
      else missing.push(key);
    }
    if (missing.length > 0) {
      const docs = await this.mappingStore.findMany(missing);
      for (const doc of docs) {
        found.set(doc._id, doc);
        if (remember) this.remember(doc);
      }
    }
    return found;
  }

  rememberMappings(docs: Iterable<ProblemMappingDocument>): void {
    for (const doc of docs) this.remember(doc);
  }

  /**
   * Inserts mappings; the unique index decides races. Returns the keys another consumer
   * mapped first (their mapping wins and must be reused). Nothing is cached here: the caller
   * caches its mappings (`rememberMappings`) only once their canonical problems are written,
   * so a failed problem write never leaves this replica trusting a mapping to a problem that
   * does not exist (its retry then goes through the database and finishes the problem).
   */
  async insertMappings(docs: ProblemMappingDocument[]): Promise<Set<string>> {
    return this.mappingStore.insertNew(docs);
  }

  private remember(doc: ProblemMappingDocument): void {
    if (this.mappings.size >= MAPPING_CACHE_LIMIT) this.mappings.clear();
    this.mappings.set(doc._id, doc);
  }

  /**
   * Canonical problems whose title equals or resembles (≥ 0.85) the title of one of these new
   * platform problems. Similar ones that already have a problem of the same platform cannot
   * take it (§3) and are not read; exact titles always come from the database.
   */
  async candidates(
    wanted: Array<{ normalizedTitle: string; platform: Platform }>,
  ): Promise<CanonicalProblemDocument[]> {
    if (wanted.length === 0) return [];
    const titles = [...new Set(wanted.map(({ normalizedTitle }) => normalizedTitle))];
    const index = await this.titleIndex();
    const similarIds = [
      ...new Set(
        wanted.flatMap(({ normalizedTitle, platform }) => index.similar(normalizedTitle, platform)),
      ),
    ];
    // One query for both: exact titles from the database, similar ones by id from the index.
    return this.problems.byTitlesOrIds(titles, similarIds);
  }

  private async titleIndex(): Promise<TitleIndex> {
    if (this.titles && Date.now() - this.titles.loadedAt < TITLE_INDEX_TTL_MS)
      return this.titles.index;
    const index = new TitleIndex();
    for (const doc of await this.problems.confirmedTitles())
      index.add(
        doc._id,
        doc.normalizedTitle,
        doc.platforms.map((entry) => entry.platform),
      );
    this.titles = { index, loadedAt: Date.now() };
    return index;
  }

  async createProblems(docs: CanonicalProblemDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.problems.insertMany(docs);
    for (const doc of docs.filter((created) => created.verified))
      this.titles?.index.add(
        doc._id,
        doc.normalizedTitle,
        doc.platforms.map((entry) => entry.platform),
      );
  }

  /**
   * Adds platforms' problems to existing canonical problems. An unconfirmed one changes
   * nothing others see (not the topics or tags); its vouchers join the problem's (bounded:
   * the guard leaves a full list as it is). A confirmed one confirms an unconfirmed problem,
   * with the platform's title. Idempotent: a problem lists each platform at most once, so a
   * replayed addition (a retried batch, a resumed admin resolve) finds it there and changes
   * nothing (problem-updates).
   */
  async addPlatforms(additions: PlatformAddition[]): Promise<void> {
    if (additions.length === 0) return;
    await this.problems.bulkUpdate(
      additions.flatMap((addition) =>
        platformAdditionUpdates(addition, this.config.PROBLEM_VOUCHERS_MAX),
      ),
    );
    for (const { canonicalId, entry } of additions)
      this.titles?.index.addPlatform(canonicalId, entry.platform);
    await this.indexConfirmed(
      additions.flatMap(({ canonicalId, confirmTitle }) => (confirmTitle ? [canonicalId] : [])),
    );
  }

  /**
   * Confirms platform problems already in the catalog (a platform adapter read them): entry
   * `index` of the problem, guarded by its identity (entries are only ever appended, so an
   * index never moves), and the problem itself with the platform's title when it was not.
   */
  async confirmPlatforms(
    confirmations: Array<{
      canonicalId: string;
      index: number;
      entry: Pick<ProblemPlatformEntry, 'platform' | 'platformProblemId'>;
      confirmTitle?: { title: string; normalizedTitle: string };
    }>,
  ): Promise<void> {
    if (confirmations.length === 0) return;
    await this.problems.bulkUpdate(
      // The entry first: a problem is never seen confirmed with its confirming entry hidden.
      confirmations.flatMap(({ canonicalId, index, entry, confirmTitle }) => [
        confirmEntryUpdate(canonicalId, index, entry),
        ...(confirmTitle ? [confirmProblemUpdate(canonicalId, confirmTitle)] : []),
      ]),
    );
    await this.indexConfirmed(
      confirmations.flatMap(({ canonicalId, confirmTitle }) => (confirmTitle ? [canonicalId] : [])),
    );
  }

  /** Adds vouchers to problems (bounded: a full list stays as it is). */
  async vouch(vouchers: Map<string, string[]>): Promise<void> {
    if (vouchers.size === 0) return;
    await this.problems.bulkUpdate(
      [...vouchers].map(([canonicalId, users]) =>
        vouchUpdate(canonicalId, users, this.config.PROBLEM_VOUCHERS_MAX),
      ),
    );
  }

  /** An admin confirms a problem and every platform problem it has. */
  async confirmProblem(id: string): Promise<CanonicalProblemDocument | null> {
    const doc = await this.get(id);
    if (!doc) return null;
    await this.problems.confirm(id);
    await this.confirmPlatforms(
      doc.platforms.flatMap((entry, index) =>
        entry.verified === false ? [{ canonicalId: id, index, entry }] : [],
      ),
    );
    await this.indexConfirmed([id]);
    return this.get(id);
  }

  /** Problems just confirmed join the in-memory title index. */
  private async indexConfirmed(ids: string[]): Promise<void> {
    if (ids.length === 0 || !this.titles) return;
    for (const doc of await this.getMany([...new Set(ids)]))
      if (doc.verified)
        this.titles.index.add(
          doc._id,
          doc.normalizedTitle,
          doc.platforms.map((entry) => entry.platform),
        );
  }

  /** The problems with these ids (unknown ids are left out). */
  getMany(ids: string[]): Promise<CanonicalProblemDocument[]> {
    return this.problems.getMany(ids);
  }

  /** By id (creation order), after the cursor; `limit + 1` of them so the caller knows whether more follow. */
  page(
    filter: FilterQuery<CanonicalProblemDocument>,
    cursor: string | undefined,
    limit: number,
  ): Promise<CanonicalProblemDocument[]> {
    return this.problems.page(filter, cursor, limit);
  }

  get(id: string): Promise<CanonicalProblemDocument | null> {
    return this.problems.get(id);
  }
}
