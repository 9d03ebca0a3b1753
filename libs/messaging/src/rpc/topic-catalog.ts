import { Inject, Injectable } from '@nestjs/common';
import { RPC_PATTERNS, type TopicResponse } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { RpcClient } from './rpc-client';

const FRESH_MS = 60_000;

/**
 * The topic taxonomy as other services see it: normalization's `normalization.topics` RPC,
 * cached for a minute. `get` refreshes early when asked for a slug it does not know (an admin
 * may just have added it); when normalization cannot be reached a stale copy is used.
 */
@Injectable()
export class TopicCatalog {
  private topics = new Map<string, TopicResponse>();
  private fetchedAt = 0;
  private loading?: Promise<void>;
  private readonly log: Logger;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'topic-catalog' });
  }

  /** The topics with these slugs (unknown slugs are left out). */
  async get(slugs: Iterable<string>): Promise<Map<string, TopicResponse>> {
    const wanted = [...slugs];
    const stale = Date.now() - this.fetchedAt > FRESH_MS;
    if (stale || wanted.some((slug) => !this.topics.has(slug))) await this.refresh(stale);
    return new Map(
      wanted.flatMap((slug) => (this.topics.has(slug) ? [[slug, this.topics.get(slug)!]] : [])),
    );
  }

  /** Every topic of the taxonomy (refreshed when the cached copy is older than a minute). */
  async all(): Promise<TopicResponse[]> {
    if (Date.now() - this.fetchedAt > FRESH_MS) await this.refresh(true);
    return [...this.topics.values()];
  }

  /** A slug's display name (the slug itself when unknown). */
  async names(slugs: Iterable<string>): Promise<Map<string, string>> {
    const list = [...slugs];
    const topics = await this.get(list).catch(() => new Map<string, TopicResponse>());
    return new Map(list.map((slug) => [slug, topics.get(slug)?.name ?? slug]));
  }

  private async refresh(required: boolean): Promise<void> {
    this.loading ??= this.rpc
      .call(RPC_PATTERNS.topicsList, {})
      .then((topics) => {
        this.topics = new Map(topics.map((topic) => [topic.slug, topic]));
        this.fetchedAt = Date.now();
      })
      .finally(() => (this.loading = undefined));
    try {
      await this.loading;
    } catch (error) {
      if (required && this.topics.size === 0) throw error;
      this.log.warn(
        { err: (error as Error).message },
        'topic catalog refresh failed; using the cached copy',
      );
    }
  }
}
