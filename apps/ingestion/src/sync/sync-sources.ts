import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { parseCodeforcesSubmission } from '../domain/codeforces-submission';
import { isObject } from '../domain/fields';
import { isFinalCodeforcesSubmission, isFinalLeetCodeSubmission } from '../domain/final-verdict';
import { isLeetCodeSlug } from '../domain/import-limits';
import { type ImportRecord, parseEach, type Rejection } from '../domain/import-record';
import { parseLeetCodeSubmission } from '../domain/leetcode-submission';
import { type CursorItem, isNewerThanCursor, type SyncCursor } from '../domain/sync-policy';
import { IngestionConfig } from '../ingestion.config';
import type { IntegrationDocument } from '../integrations/integration.schema';
import { IntegrationsService } from '../integrations/integrations.service';
import { CodeforcesClient } from '../platforms/codeforces.client';
import { LeetCodeCatalog } from '../platforms/leetcode-catalog';
import { LeetCodeClient } from '../platforms/leetcode.client';

/** What one sync fetched that is newer than its cursor. */
export interface FetchedSubmissions {
  fetched: number;
  records: ImportRecord[];
  /** Bad records (submissions still being judged are skipped, not errors). */
  rejected: Rejection[];
  cursorItems: CursorItem[];
}

/** A sync never reads more than this many submissions in one run (the next run goes on). */
const MAX_PER_SYNC = 50_000;
const LEETCODE_PAGE = 20;

function idOf(raw: unknown): string | null {
  if (!isObject(raw)) return null;
  const id = typeof raw.id === 'number' ? String(raw.id) : raw.id;
  return typeof id === 'string' && /^\d+$/.test(id) ? id : null;
}

function finish(
  items: unknown[],
  parse: (raw: unknown, index: number) => ImportRecord,
  final: (raw: Record<string, unknown>) => boolean,
  time: (raw: Record<string, unknown>) => unknown,
): FetchedSubmissions {
  const parsed = parseEach(items, parse);
  const cursorItems: CursorItem[] = [];
  for (const raw of items) {
    const id = idOf(raw);
    const seconds = Number(time(raw as Record<string, unknown>));
    if (id === null || !Number.isFinite(seconds)) continue;
    cursorItems.push({
      submissionId: id,
      submittedAt: new Date(seconds * 1000),
      final: final(raw as Record<string, unknown>),
    });
  }
  return {
    fetched: items.length,
    // Read from the platform's own API: the platform vouches for these problems.
    records: parsed.records.map((record) => ({
      ...record,
      problem: { ...record.problem, verified: true },
    })),
    rejected: parsed.rejected.filter((rejection) => rejection.code !== 'NOT_FINAL'),
    cursorItems,
  };
}

/** Reads a linked account's new submissions through the platform adapters. */
@Injectable()
export class SyncSources {
  private readonly log: Logger;

  constructor(
    private readonly config: IngestionConfig,
    private readonly codeforces: CodeforcesClient,
    private readonly leetcode: LeetCodeClient,
    private readonly catalog: LeetCodeCatalog,
    private readonly integrations: IntegrationsService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'sync' });
  }

  fetch(
    platform: Platform,
    integration: IntegrationDocument,
    cursor: SyncCursor,
  ): Promise<FetchedSubmissions> {
    if (platform === 'codeforces') return this.fromCodeforces(integration.username, cursor);
    return this.fromLeetCode(integration, cursor);
  }

  /** `user.status` pages (newest first) until one reaches the cursor. */
  private async fromCodeforces(handle: string, cursor: SyncCursor): Promise<FetchedSubmissions> {
    const size = this.config.SYNC_PAGE_SIZE;
    const items: unknown[] = [];
    for (let from = 1; items.length < MAX_PER_SYNC; from += size) {
      const page = await this.codeforces.userStatus(handle, from, size);
      const fresh = page.filter((raw) => {
        const id = idOf(raw);
        return id !== null && isNewerThanCursor({ submissionId: id }, cursor);
      });
      items.push(...fresh);
      if (fresh.length < page.length || page.length < size) break;
    }
    const result = finish(
      items,
      parseCodeforcesSubmission,
      isFinalCodeforcesSubmission,
      (raw) => raw.creationTimeSeconds,
    );
    await this.fillCodeforcesRatings(result.records);
    return result;
  }

  /** user.status lacks the rating of some (newer) problems; problemset.problems has it. */
  private async fillCodeforcesRatings(records: ImportRecord[]): Promise<void> {
    const missing = records.filter((record) => record.problem.rating === null);
    if (missing.length === 0) return;
    try {
      const problems = await this.codeforces.problemsetProblems();
      for (const record of missing) {
        const info = problems.get(record.problem.platformProblemId);
        if (!info) continue;
        record.problem.rating = info.rating;
        if (record.problem.tags.length === 0) record.problem.tags = info.tags;
      }
    } catch (error) {
      this.log.warn(
        { err: (error as Error).message },
        'problemset.problems failed; ratings stay unknown',
      );
    }
  }

  /**
   * With a session cookie the full `submissionList` (pages of 20 until the cursor), else the
   * public `recentAcSubmissionList`; difficulty and tags from the catalog.
   */
  private async fromLeetCode(
    integration: IntegrationDocument,
    cursor: SyncCursor,
  ): Promise<FetchedSubmissions> {
    const session = this.integrations.sessionCookie(integration);
    const items: unknown[] = [];
    let acceptedList = false;
    if (session) {
      let lastKey: string | null = null;
      for (let offset = 0; items.length < MAX_PER_SYNC; offset += LEETCODE_PAGE) {
        const page = await this.leetcode.submissionList(session, offset, LEETCODE_PAGE, lastKey);
        const fresh = page.submissions.filter((raw) => {
          const id = idOf(raw);
          return id !== null && isNewerThanCursor({ submissionId: id }, cursor);
        });
        items.push(...fresh);
        if (fresh.length < page.submissions.length || !page.hasNext) break;
        lastKey = page.lastKey;
      }
    } else {
      acceptedList = true;
      const recent = await this.leetcode.recentAccepted(integration.username, LEETCODE_PAGE);
      items.push(
        ...recent.filter((raw) => {
          const id = idOf(raw);
          return id !== null && isNewerThanCursor({ submissionId: id }, cursor);
        }),
      );
    }
    const slugs = items.flatMap((raw) =>
      isObject(raw) && isLeetCodeSlug(raw.titleSlug) ? [raw.titleSlug] : [],
    );
    const { questions } = await this.catalog.resolve(slugs);
    return finish(
      items,
      (raw, index) =>
        parseLeetCodeSubmission(raw, index, (slug) => questions.get(slug), acceptedList),
      (raw) => isFinalLeetCodeSubmission(raw, acceptedList),
      (raw) => raw.timestamp,
    );
  }
}
