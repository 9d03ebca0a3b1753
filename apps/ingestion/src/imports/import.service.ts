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
import { LeetCodeCatalog } from '../platforms/leetcode-catalog';
import { SubmissionStore } from '../submissions/submission-store';
import { SyncLogsRepository } from '../sync/sync-logs.repository';

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
    private readonly logs: SyncLogsRepository,
    private readonly catalog: LeetCodeCatalog,
    private readonly tombstones: UserTombstones,
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
    const { records, rejected, received, warnings } = await this.parse(request.format, envelopes);
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
    const slugs = items.flatMap(({ item }) =>
      isObject(item) && typeof item.titleSlug === 'string' ? [item.titleSlug] : [],
    );
    const { questions, missing } = await this.catalog.resolve(slugs);
    if (missing.length > 0)
      warnings.push(
        `difficulty and tags unknown for ${missing.length} LeetCode problem(s) (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); imported without them`,
      );
    const parsed = parseEach(items, ({ item, envelope }, index) =>
      parseLeetCodeSubmission(item, index, (slug) => questions.get(slug), envelope.acceptedList),
    );
    return { ...parsed, warnings };
  }
}
