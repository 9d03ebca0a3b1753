import { Inject, Injectable } from '@nestjs/common';
import type { ImportResponse, ImportRpcData, Platform, RpcCaller } from '@prepmate/contracts';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import { UserTombstones } from '@prepmate/messaging';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { parseCodeforcesSubmission } from '../domain/codeforces-submission';
import { EnvelopeError, type ImportEnvelope, readImportEnvelopes } from '../domain/import-envelope';
import { type ImportRecord, parseEach, type Rejection } from '../domain/import-record';
import { parseLeetCodeSubmission } from '../domain/leetcode-submission';
import { parsePrepMateRecord } from '../domain/prepmate-import';
import { isObject } from '../domain/fields';
import { isLeetCodeSlug, refuseRecords } from '../domain/import-limits';
import { IngestionConfig } from '../ingestion.config';
import { LeetCodeCatalog } from '../platforms/leetcode-catalog';
import { SubmissionStore } from '../submissions/submission.store';
import { SyncLogStore } from '../sync/sync-log.store';
import { NewProblemQuota } from './new-problem-quota';

/**
 * `POST /submissions/import`: reads the body in its format, keeps the valid records and
 * rejects the others one by one, stores them (duplicates reported, never counted twice) and
 * writes one sync log for the whole import.
 */
@Injectable()
export class ImportService {
  private readonly log: Logger;

  constructor(
    private readonly store: SubmissionStore,
    private readonly logs: SyncLogStore,
    private readonly catalog: LeetCodeCatalog,
    private readonly tombstones: UserTombstones,
    private readonly quota: NewProblemQuota,
    private readonly config: IngestionConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'import' });
  }

  async import(caller: RpcCaller, request: ImportRpcData): Promise<ImportResponse> {
    const startTime = new Date();
    await this.tombstones.assertLive(caller.userId);
    let envelopes: ImportEnvelope[];
    try {
      envelopes = readImportEnvelopes(request.format, request.body);
    } catch (error) {
      if (error instanceof EnvelopeError)
        throw new AppError(error.code, error.message, error.field ? { field: error.field } : {});
      throw error;
    }
    const platform: Platform = envelopes[0]?.platform ?? 'leetcode';
    const parsed = await this.parse(caller.userId, request.format, envelopes);
    const { received, warnings } = parsed;
    const capped = await this.quota.apply(caller.userId, platform, parsed.records);
    const records = capped.records;
    const rejected = [...parsed.rejected, ...capped.rejected].sort((a, b) => a.index - b.index);
    const syncBatchId = uuidv7();
    const { inserted, duplicates } = await this.store.store(
      caller.userId,
      platform,
      syncBatchId,
      records,
    );
    await this.logs.finish(
      { _id: syncBatchId, userId: caller.userId, platform, source: 'import', startTime },
      {
        recordsFetched: received,
        recordsProcessed: records.length,
        recordsInserted: inserted,
        recordsDuplicate: duplicates,
        recordsFailed: rejected.length,
        errors: rejected,
      },
    );
    // The account may have been deleted while this import was being stored.
    await this.tombstones.eraseIfDeleted([caller.userId]);
    this.log.info(
      {
        syncBatchId,
        platform,
        received,
        inserted,
        duplicates,
        rejected: rejected.length,
        ms: Date.now() - startTime.getTime(),
      },
      'import stored',
    );
    return {
      syncBatchId,
      received,
      inserted,
      duplicates,
      rejected,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }

  private async parse(
    userId: string,
    format: ImportRpcData['format'],
    envelopes: ImportEnvelope[],
  ): Promise<{
    records: ImportRecord[];
    rejected: Rejection[];
    received: number;
    warnings: string[];
  }> {
    const items = envelopes.flatMap((envelope) =>
      envelope.items.map((item) => ({ item, envelope })),
    );
    const warnings: string[] = [];
    if (format === 'codeforces') {
      return {
        ...parseEach(
          items.map((i) => i.item),
          parseCodeforcesSubmission,
        ),
        warnings,
      };
    }
    if (format === 'prepmate') {
      return {
        ...parseEach(
          items.map((i) => i.item),
          parsePrepMateRecord,
        ),
        warnings,
      };
    }
    // Only well-formed slugs are looked up (a bad one is refused by the parser), at most
    // LEETCODE_LOOKUPS_PER_IMPORT unknown ones, on this user's own circuit breaker.
    const slugs = items.flatMap(({ item }) =>
      isObject(item) && isLeetCodeSlug(item.titleSlug) ? [item.titleSlug] : [],
    );
    const { questions, missing, skipped } = await this.catalog.resolve(slugs, {
      maxLookups: this.config.LEETCODE_LOOKUPS_PER_IMPORT,
      forUser: userId,
    });
    if (missing.length > 0)
      warnings.push(
        `difficulty and tags unknown for ${missing.length} LeetCode problem(s) (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); imported without them`,
      );
    const parsed = parseEach(items, ({ item, envelope }, index) =>
      parseLeetCodeSubmission(item, index, (slug) => questions.get(slug), envelope.acceptedList),
    );
    const lookups = this.config.LEETCODE_LOOKUPS_PER_IMPORT;
    const unlooked = refuseRecords(
      parsed.records,
      new Set(skipped),
      (record) => record.problem.platformProblemId,
      () => ({
        code: 'QUOTA_EXCEEDED',
        field: 'titleSlug',
        message: `one import may look up at most ${lookups} LeetCode problems PrepMate does not know yet; import this record again in another import`,
      }),
    );
    return {
      records: unlooked.records,
      rejected: [...parsed.rejected, ...unlooked.rejected],
      received: parsed.received,
      warnings,
    };
  }
}
