import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  NormalizationFailureResponse,
  Page,
  PageRpcData,
  PossibleDuplicateResponse,
  ResolveFailureResponse,
  ResolveFailureRpcData,
  UnmappedTagResponse,
} from '@prepmate/contracts';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { problemUrl } from '../domain/problem-urls';
import { normalizeTitle } from '../domain/titles';
import { Normalizer } from '../normalizing/normalizer';
import { type CanonicalProblemDocument } from '../problems/canonical-problem.schema';
import { ProblemCatalog } from '../problems/problem-catalog';
import type { ProblemMappingDocument } from '../problems/problem-mapping.schema';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import {
  NORMALIZATION_FAILURE_MODEL,
  type NormalizationFailureDocument,
} from './normalization-failure.schema';
import { ReviewLog } from './review-log';
import type { UnmappedTagDocument } from './review.schemas';

function toFailureResponse(doc: NormalizationFailureDocument): NormalizationFailureResponse {
  return {
    id: doc._id,
    platform: doc.platform,
    platformProblemId: doc.platformProblemId,
    reason: doc.reason,
    rawProblem: doc.rawProblem as unknown as Record<string, unknown>,
    heldSubmissions: doc.held.length,
    status: doc.status,
    firstSeen: doc.firstSeen.toISOString(),
    lastSeen: doc.lastSeen.toISOString(),
    resolvedCanonicalProblemId: doc.resolvedCanonicalProblemId,
  };
}

/** Admin review: normalization failures (list, resolve), possible duplicates, unmapped tags. */
@Injectable()
export class FailuresService {
  private readonly log: Logger;

  constructor(
    @InjectModel(NORMALIZATION_FAILURE_MODEL)
    private readonly model: Model<NormalizationFailureDocument>,
    private readonly catalog: ProblemCatalog,
    private readonly taxonomy: TaxonomyService,
    private readonly normalizer: Normalizer,
    private readonly review: ReviewLog,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'failures' });
  }

  /** Open failures first, by id. */
  async list({ limit, cursor }: PageRpcData): Promise<Page<NormalizationFailureResponse>> {
    const docs = await this.model
      .find({ status: 'open', ...(cursor ? { _id: { $gt: cursor } } : {}) }, { pendingEvents: 0 })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<NormalizationFailureDocument[]>();
    const page = docs.slice(0, limit);
    return {
      items: page.map(toFailureResponse),
      nextCursor: docs.length > limit ? page[page.length - 1]._id : null,
    };
  }

  /**
   * Points the failed platform problem to a canonical problem (existing or created now), then
   * normalizes and publishes the submissions it held, so that they count.
   */
  async resolve(request: ResolveFailureRpcData): Promise<ResolveFailureResponse> {
    if (!request.canonicalProblemId === !request.create)
      throw new AppError('VALIDATION_FAILED', 'give exactly one of canonicalProblemId and create', {
        field: 'canonicalProblemId',
      });
    const failure = await this.model
      .findOne({ _id: request.failureId })
      .lean<NormalizationFailureDocument>();
    if (!failure) throw new AppError('NOT_FOUND', 'no such normalization failure');
    if (failure.status !== 'open')
      throw AppError.because('ALREADY_RESOLVED', 'the failure is already resolved');

    const canonical = request.create
      ? await this.createCanonical(request.create)
      : await this.catalog.get(request.canonicalProblemId!);
    if (!canonical)
      throw new AppError('NOT_FOUND', 'no such canonical problem', { field: 'canonicalProblemId' });
    if (canonical.platforms.some((entry) => entry.platform === failure.platform))
      throw AppError.because(
        'PLATFORM_ALREADY_MAPPED',
        `that problem already has a ${failure.platform} problem; two are never merged`,
        {
          field: 'canonicalProblemId',
        },
      );

    const tags = this.taxonomy.tagAliases.map(failure.platform, failure.rawProblem.tags ?? []);
    const mapping: ProblemMappingDocument = {
      _id: failure._id,
      platform: failure.platform,
      platformProblemId: failure.platformProblemId,
      canonicalProblemId: canonical._id,
      method: 'manual',
      confidence: 1,
      topics: tags.topics.length > 0 ? tags.topics : canonical.topics,
      difficulty: failure.rawProblem.difficulty ?? canonical.difficulty,
      createdAt: new Date(),
    };
    if ((await this.catalog.insertMappings([mapping])).size > 0)
      throw AppError.because(
        'PLATFORM_ALREADY_MAPPED',
        'the platform problem was mapped meanwhile',
      );
    await this.catalog.addPlatforms([
      {
        canonicalId: canonical._id,
        // An admin resolving the failure confirms the platform problem.
        entry: {
          platform: failure.platform,
          platformProblemId: failure.platformProblemId,
          url: problemUrl(failure.platform, failure.platformProblemId),
          firstSeen: failure.firstSeen,
          verified: true,
        },
        topics: tags.topics,
        tags: tags.normalizedTags,
        vouchers: [],
      },
    ]);
    this.catalog.rememberMappings([mapping]);
    // From here on new submissions of the problem map directly; close the failure, then
    // normalize what it held (read after closing, so nothing added meanwhile is left behind).
    await this.model.updateOne(
      { _id: failure._id, status: 'open' },
      {
        $set: {
          status: 'resolved',
          resolvedCanonicalProblemId: canonical._id,
          resolvedAt: new Date(),
        },
      },
    );
    const closed = await this.model
      .findOne({ _id: failure._id }, { held: 1 })
      .lean<NormalizationFailureDocument>();
    const held = closed?.held ?? failure.held;
    const outcomes = await this.normalizer.normalizeBatch(held);
    const republished = outcomes.filter((outcome) => outcome.canonicalProblemId !== null).length;
    this.log.info(
      { failureId: failure._id, canonicalProblemId: canonical._id, republished },
      'normalization failure resolved',
    );
    return { failureId: failure._id, canonicalProblemId: canonical._id, republished };
  }

  private async createCanonical(
    create: NonNullable<ResolveFailureRpcData['create']>,
  ): Promise<CanonicalProblemDocument> {
    const unknown = create.topics.filter((topic) => !this.taxonomy.hasTopic(topic));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', `unknown topics: ${unknown.join(', ')}`, {
        field: 'create.topics',
      });
    const normalizedTitle = normalizeTitle(create.title);
    if (!normalizedTitle)
      throw new AppError('VALIDATION_FAILED', 'the title has no letters or digits', {
        field: 'create.title',
      });
    const doc: CanonicalProblemDocument = {
      _id: uuidv7(),
      title: create.title,
      normalizedTitle,
      difficulty: create.difficulty,
      topics: [...new Set(create.topics)],
      normalizedTags: [],
      platforms: [],
      interviewFrequency: null,
      openReports: 0,
      flagged: false,
      verified: true,
      vouchedBy: [],
      createdAt: new Date(),
    };
    await this.catalog.createProblems([doc]);
    return doc;
  }

  async possibleDuplicates({
    limit,
    cursor,
  }: PageRpcData): Promise<Page<PossibleDuplicateResponse>> {
    const docs = await this.review.duplicates
      .find(cursor ? { _id: { $gt: cursor } } : {})
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean();
    const page = docs.slice(0, limit);
    const ids = [...new Set(page.flatMap((doc) => [doc.problemId, doc.candidateId]))];
    const problems = ids.length
      ? await this.catalog.problems
          .find({ _id: { $in: ids } }, { title: 1 })
          .lean<CanonicalProblemDocument[]>()
      : [];
    const titles = new Map(problems.map((problem) => [problem._id, problem.title]));
    return {
      items: page.map((doc) => ({
        id: doc._id,
        problemId: doc.problemId,
        problemTitle: titles.get(doc.problemId) ?? '',
        candidateId: doc.candidateId,
        candidateTitle: titles.get(doc.candidateId) ?? '',
        confidence: doc.confidence,
        createdAt: doc.createdAt.toISOString(),
      })),
      nextCursor: docs.length > limit ? page[page.length - 1]._id : null,
    };
  }

  /**
   * Most frequent first (then by platform and tag), read from the counts: a page reads what it
   * shows (the cursor is the offset of the next page).
   */
  async unmappedTags({ limit, cursor }: PageRpcData): Promise<Page<UnmappedTagResponse>> {
    const start = cursor ? Number(cursor) : 0;
    if (!Number.isSafeInteger(start) || start < 0)
      throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
    const docs = await this.review.unmapped
      .find()
      .sort({ count: -1, _id: 1 })
      .skip(start)
      .limit(limit + 1)
      .lean<UnmappedTagDocument[]>();
    const page = docs.slice(0, limit);
    return {
      items: page.map(({ platform, tag, count, lastSeen }) => ({
        platform,
        tag,
        count,
        lastSeen: lastSeen.toISOString(),
      })),
      nextCursor: docs.length > limit ? String(start + limit) : null,
    };
  }
}
