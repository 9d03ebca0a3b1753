import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { splitDistinct } from '../domain/import-limits';
import type { LeetCodeQuestion } from '../domain/leetcode-submission';
import { LeetCodeClient } from './leetcode.client';
import { LeetCodeQuestionStore } from './leetcode-question.store';

/** Lookups one import makes at most in parallel. */
const LOOKUP_CONCURRENCY = 4;

export interface CatalogResult {
  questions: Map<string, LeetCodeQuestion>;
  /** Slugs whose difficulty and tags could not be found (imported without them). */
  missing: string[];
  /** Unknown slugs beyond the look-up limit: not looked up (their records are refused). */
  skipped: string[];
}

export interface ResolveOptions {
  /** Look-ups of unknown slugs at most (the rest are `skipped`); unlimited when absent. */
  maxLookups?: number;
  /** The user whose import asks: look-ups count on their circuit breaker, not LeetCode's. */
  forUser?: string;
}

/**
 * Difficulty and tags of LeetCode problems: from the stored catalog (`LeetCodeQuestionStore`),
 * else a `question(titleSlug)` lookup whose answer is stored for next time.
 */
@Injectable()
export class LeetCodeCatalog {
  private readonly log: Logger;

  constructor(
    private readonly store: LeetCodeQuestionStore,
    private readonly client: LeetCodeClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'leetcode-catalog' });
  }

  async resolve(slugs: Iterable<string>, options: ResolveOptions = {}): Promise<CatalogResult> {
    const wanted = [...new Set(slugs)];
    const questions = new Map<string, LeetCodeQuestion>();
    if (wanted.length === 0) return { questions, missing: [], skipped: [] };
    for (const question of await this.store.findMany(wanted))
      questions.set(question.titleSlug, question);
    const { admitted: unknown, refused } = splitDistinct(
      wanted.filter((slug) => !questions.has(slug)),
      options.maxLookups ?? Number.POSITIVE_INFINITY,
    );
    const missing: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < unknown.length) {
        const slug = unknown[next++];
        try {
          const question = await this.client.question(slug, options.forUser);
          if (!question) {
            missing.push(slug);
            continue;
          }
          questions.set(slug, question);
          await this.store.save(slug, question);
        } catch (error) {
          missing.push(slug);
          this.log.warn({ slug, err: (error as Error).message }, 'leetcode question lookup failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, unknown.length) }, worker));
    return { questions, missing, skipped: [...refused] };
  }
}
