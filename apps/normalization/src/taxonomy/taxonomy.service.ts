import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type {
  AddTagAliasRpcData,
  CreateTopicRpcData,
  TagAliasResponse,
  TopicResponse,
} from '@prepmate/contracts';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { normalizeTag, TagAliases } from '../domain/tags';
import { seedAliases, TAXONOMY } from '../domain/taxonomy';
import { aliasId, type TopicDocument } from './taxonomy.schemas';
import { TaxonomyStore } from './taxonomy.store';

/** Other replicas' admin changes are picked up within this time. */
const RELOAD_INTERVAL_MS = 30_000;

function toTopicResponse(doc: TopicDocument): TopicResponse {
  return {
    slug: doc._id,
    name: doc.name,
    category: doc.category,
    estimatedHours: doc.estimatedHours,
    prerequisites: doc.prerequisites,
  };
}

/**
 * Topics and tag aliases: seeded from the taxonomy (`domain/taxonomy.ts`) at start (idempotently: existing entries and
 * admin changes are kept), extended by admins, and held in memory for tag mapping.
 */
@Injectable()
export class TaxonomyService implements OnModuleInit, OnModuleDestroy {
  private aliases = new TagAliases([]);
  private topics = new Map<string, TopicDocument>();
  private timer?: NodeJS.Timeout;
  private readonly log: Logger;

  constructor(
    private readonly store: TaxonomyStore,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'taxonomy' });
  }

  async onModuleInit(): Promise<void> {
    await this.seed();
    await this.reload();
    this.timer = setInterval(() => void this.reload().catch(() => undefined), RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Inserts the topics and aliases that are missing (existing ones and admin changes are
   * kept); two replicas starting together both succeed (a duplicate key is someone else's
   * insert).
   */
  async seed(): Promise<void> {
    const now = new Date();
    const { topicsAdded, aliasesAdded } = await this.store.insertMissing(
      TAXONOMY.map((topic) => ({
        _id: topic.slug,
        name: topic.name,
        category: topic.category,
        estimatedHours: topic.estimatedHours,
        prerequisites: topic.prerequisites,
        custom: false,
        createdAt: now,
      })),
      seedAliases().map((alias) => ({
        _id: aliasId(alias.platform, alias.alias),
        ...alias,
        createdAt: now,
      })),
    );
    this.log.info({ topicsAdded, aliasesAdded }, 'taxonomy seeded');
  }

  async reload(): Promise<void> {
    const { topics, aliases } = await this.store.all();
    this.topics = new Map(topics.map((topic) => [topic._id, topic]));
    this.aliases = new TagAliases(aliases);
  }

  get tagAliases(): TagAliases {
    return this.aliases;
  }

  hasTopic(slug: string): boolean {
    return this.topics.has(slug);
  }

  listTopics(): TopicResponse[] {
    return [...this.topics.values()]
      .sort((a, b) => a._id.localeCompare(b._id))
      .map(toTopicResponse);
  }

  async createTopic(request: CreateTopicRpcData): Promise<TopicResponse> {
    const unknown = (request.prerequisites ?? []).filter((slug) => !this.topics.has(slug));
    if (unknown.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `unknown prerequisite topics: ${unknown.join(', ')}`,
        {
          field: 'prerequisites',
        },
      );
    const doc: TopicDocument = {
      _id: request.slug,
      name: request.name,
      category: request.category,
      estimatedHours: request.estimatedHours,
      prerequisites: request.prerequisites ?? [],
      custom: true,
      createdAt: new Date(),
    };
    if (!(await this.store.insertTopic(doc)))
      throw AppError.because('TOPIC_EXISTS', `topic ${request.slug} exists`, { field: 'slug' });
    await this.reload();
    return toTopicResponse(doc);
  }

  async addAlias(request: AddTagAliasRpcData): Promise<TagAliasResponse> {
    if (!this.topics.has(request.topic))
      throw new AppError('NOT_FOUND', `no topic ${request.topic}`);
    const alias = normalizeTag(request.tag);
    if (!alias)
      throw new AppError('VALIDATION_FAILED', 'the tag has no letters or digits', { field: 'tag' });
    const platform = request.platform ?? null;
    const added = await this.store.insertAlias({
      _id: aliasId(platform, alias),
      alias,
      topic: request.topic,
      platform,
      createdAt: new Date(),
    });
    if (!added)
      throw AppError.because('ALIAS_TAKEN', `the alias ${alias} is already mapped`, {
        field: 'tag',
      });
    await this.reload();
    return { alias, topic: request.topic, platform };
  }
}
