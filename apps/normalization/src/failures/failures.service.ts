import { Inject, Injectable } from '@nestjs/common';
import type {
  NormalizationFailureResponse,
  Page,
  PageRpcData,
  ResolveFailureResponse,
  ResolveFailureRpcData,
} from '@prepmate/contracts';
import { AppError, idPage, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { continuesResolution, firstResolutionStep } from '../domain/failure-resolution';
import { ProblemCatalog } from '../problems/problem-catalog';
import { FailureResolver } from './failure-resolver';
import { FailureStore } from './failure.store';
import type {
  FailureResolution,
  NormalizationFailureDocument,
} from './normalization-failure.schema';

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

/** Admin review of normalization failures: the open ones, and their resolution. */
@Injectable()
export class FailuresService {
  private readonly log: Logger;

  constructor(
    private readonly store: FailureStore,
    private readonly catalog: ProblemCatalog,
    private readonly resolver: FailureResolver,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'failures' });
  }

  /** Open failures (and those being resolved), by id. */
  async list({ limit, cursor }: PageRpcData): Promise<Page<NormalizationFailureResponse>> {
    const docs = await this.store.pageUnresolved(cursor, limit);
    const page = idPage(docs, limit);
    return { items: page.items.map(toFailureResponse), nextCursor: page.nextCursor };
  }

  /**
   * Points the failed platform problem to a canonical problem (existing or created now), then
   * normalizes and publishes the submissions it held, so that they count. The decision is
   * stored on the failure first; `FailureResolver` then carries it out step by step, so a
   * request cut short is continued by the admin's retry (the same target) or by the sweep.
   */
  async resolve(request: ResolveFailureRpcData): Promise<ResolveFailureResponse> {
    if (!request.canonicalProblemId === !request.create)
      throw new AppError('VALIDATION_FAILED', 'give exactly one of canonicalProblemId and create', {
        field: 'canonicalProblemId',
      });
    const failure = await this.store.find(request.failureId);
    if (!failure) throw new AppError('NOT_FOUND', 'no such normalization failure');
    if (failure.resolution) return this.continueResolution(failure, failure.resolution, request);
    if (failure.status !== 'open')
      throw AppError.because('ALREADY_RESOLVED', 'the failure is already resolved');

    const canonicalProblemId = request.canonicalProblemId ?? uuidv7();
    const canonical = request.create
      ? this.resolver.newProblem(request.create, canonicalProblemId)
      : await this.catalog.get(canonicalProblemId);
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
    const resolution: FailureResolution = {
      canonicalProblemId,
      create: request.create ?? null,
      step: firstResolutionStep(Boolean(request.create)),
      updatedAt: new Date(),
    };
    if (!(await this.store.beginResolution(failure._id, resolution))) {
      // Another request began a resolution first: continue it if it is the same.
      const now = await this.store.resolutionOf(failure._id);
      if (!now) throw AppError.because('FAILURE_CHANGED', 'the failure changed meanwhile');
      return this.continueResolution(failure, now, request);
    }
    this.log.info(
      { failureId: failure._id, canonicalProblemId, created: Boolean(request.create) },
      'resolving a normalization failure',
    );
    return this.resolver.run(failure._id);
  }

  private continueResolution(
    failure: NormalizationFailureDocument,
    resolution: FailureResolution,
    request: ResolveFailureRpcData,
  ): Promise<ResolveFailureResponse> {
    if (resolution.step === 'done')
      throw AppError.because('ALREADY_RESOLVED', 'the failure is already resolved');
    if (
      !continuesResolution(
        { canonicalProblemId: resolution.canonicalProblemId, creates: Boolean(resolution.create) },
        { canonicalProblemId: request.canonicalProblemId, creates: Boolean(request.create) },
      )
    )
      throw AppError.because(
        'RESOLUTION_IN_PROGRESS',
        `the failure is being resolved to ${resolution.canonicalProblemId}; retry with that problem`,
        { field: 'canonicalProblemId' },
      );
    this.log.info(
      { failureId: failure._id, step: resolution.step },
      'continuing the resolution of a normalization failure',
    );
    return this.resolver.run(failure._id);
  }
}
