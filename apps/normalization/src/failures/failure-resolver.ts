import { Inject, Injectable } from '@nestjs/common';
import type { NewCanonicalProblem, ResolveFailureResponse } from '@prepmate/contracts';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { nextResolutionStep, type ResolutionStep } from '../domain/failure-resolution';
import { normalizeTitle } from '../domain/titles';
import { Normalizer } from '../normalizing/normalizer';
import type { CanonicalProblemDocument } from '../problems/canonical-problem.schema';
import { ProblemCatalog } from '../problems/problem-catalog';
import {
  canonicalProblem,
  decidedMappingDocument,
  platformEntry,
} from '../problems/problem-documents';
import type { ProblemMappingDocument } from '../problems/problem-mapping.schema';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { FailureStore } from './failure.store';
import type {
  FailureResolution,
  NormalizationFailureDocument,
} from './normalization-failure.schema';

/**
 * Carries out a resolution an admin decided, step by step from the step stored on the failure
 * (docs/reliability.md "Resolving a normalization failure"). Every step is idempotent and the
 * next step is stored only after it succeeded, so running the same resolution twice — a retry
 * after a crash, the sweep beside an admin's retry — writes nothing twice.
 */
@Injectable()
export class FailureResolver {
  private readonly log: Logger;

  constructor(
    private readonly store: FailureStore,
    private readonly catalog: ProblemCatalog,
    private readonly taxonomy: TaxonomyService,
    private readonly normalizer: Normalizer,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'failure-resolver' });
  }

  /** The new problem an admin asked for, checked before anything is written. */
  newProblem(create: NewCanonicalProblem, id: string): CanonicalProblemDocument {
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
    return canonicalProblem({
      id,
      title: create.title,
      normalizedTitle,
      difficulty: create.difficulty,
      topics: [...new Set(create.topics)],
      normalizedTags: [],
      verified: true,
      vouchedBy: [],
      createdAt: new Date(),
    });
  }

  /** Runs the failure's resolution from its stored step to the end. */
  async run(failureId: string): Promise<ResolveFailureResponse> {
    let republished = 0;
    for (;;) {
      const failure = await this.store.find(failureId);
      const resolution = failure?.resolution;
      if (!failure || !resolution) throw new AppError('NOT_FOUND', 'no such resolution');
      if (resolution.step === 'done') {
        this.log.info(
          { failureId, canonicalProblemId: resolution.canonicalProblemId, republished },
          'normalization failure resolved',
        );
        return { failureId, canonicalProblemId: resolution.canonicalProblemId, republished };
      }
      const outcome = await this.perform(failure, resolution);
      if (outcome === 'reopened')
        throw AppError.because(
          'PLATFORM_ALREADY_MAPPED',
          'the platform problem was mapped meanwhile',
        );
      republished += outcome;
      await this.advance(failure, resolution.step);
    }
  }

  /** One step; returns how many held submissions it normalized, or `reopened`. */
  private async perform(
    failure: NormalizationFailureDocument,
    resolution: FailureResolution,
  ): Promise<number | 'reopened'> {
    const canonicalId = resolution.canonicalProblemId;
    switch (resolution.step) {
      case 'create': {
        const doc = this.newProblem(resolution.create!, canonicalId);
        if (!(await this.catalog.get(canonicalId))) await this.createOnce(doc);
        return 0;
      }
      case 'map': {
        const mapping = await this.mappingOf(failure, canonicalId);
        if ((await this.catalog.insertMappings([mapping])).size === 0) return 0;
        const [existing] = [
          ...(await this.catalog.findMappings([failure._id], { remember: false })).values(),
        ];
        if (existing?.canonicalProblemId === canonicalId) return 0;
        // Mapped to another problem meanwhile: nothing of ours was written, the failure is open
        // again (its held submissions are normalized through that mapping by the next hold).
        await this.store.reopen(failure._id);
        return 'reopened';
      }
      case 'attach': {
        const tags = this.taxonomy.tagAliases.map(failure.platform, failure.rawProblem.tags ?? []);
        await this.catalog.addPlatforms([
          {
            canonicalId,
            // An admin resolving the failure confirms the platform problem.
            entry: platformEntry(
              failure.platform,
              failure.platformProblemId,
              failure.firstSeen,
              true,
            ),
            topics: tags.topics,
            tags: tags.normalizedTags,
            vouchers: [],
          },
        ]);
        this.catalog.rememberMappings([await this.mappingOf(failure, canonicalId)]);
        return 0;
      }
      case 'close':
        // From here on nothing more is held in the failure (a hold finds it resolved and
        // normalizes through the mapping), so the held list read by `normalize` is final.
        await this.store.close(failure._id, canonicalId);
        return 0;
      case 'normalize': {
        const outcomes = await this.normalizer.normalizeBatch(failure.held);
        return outcomes.filter((outcome) => outcome.canonicalProblemId !== null).length;
      }
      case 'done':
        return 0;
    }
  }

  /** Stores the next step, unless another run stored it first (then that run's is kept). */
  private async advance(
    failure: NormalizationFailureDocument,
    step: ResolutionStep,
  ): Promise<void> {
    await this.store.advance(failure._id, step, nextResolutionStep(step));
  }

  private async createOnce(doc: CanonicalProblemDocument): Promise<void> {
    try {
      await this.catalog.createProblems([doc]);
    } catch (error) {
      // Created by an earlier run of this step (or a concurrent one): done.
      if (!(await this.catalog.get(doc._id))) throw error;
    }
  }

  private async mappingOf(
    failure: NormalizationFailureDocument,
    canonicalId: string,
  ): Promise<ProblemMappingDocument> {
    const canonical = await this.catalog.get(canonicalId);
    if (!canonical) throw new Error(`canonical problem ${canonicalId} is missing`);
    const tags = this.taxonomy.tagAliases.map(failure.platform, failure.rawProblem.tags ?? []);
    return decidedMappingDocument({
      key: failure._id,
      platform: failure.platform,
      platformProblemId: failure.platformProblemId,
      canonical,
      tags,
      ownDifficulty: failure.rawProblem.difficulty,
      method: 'manual',
      createdAt: failure.resolution?.updatedAt ?? new Date(),
    });
  }
}
