import { Inject, Injectable } from '@nestjs/common';
import type { SubmissionIngestedPayload } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { type MappingPlan, planMappings, planNewProblem } from '../domain/mapping-plan';
import { isConfirmed } from '../domain/problem-trust';
import { settleTheirMapping } from '../domain/unfinished-mapping';
import { PossibleDuplicateStore } from '../failures/possible-duplicate.store';
import { UnmappedTagStore } from '../failures/unmapped-tag.store';
import { NormalizationConfig } from '../normalization.config';
import { type CanonicalProblemDocument } from '../problems/canonical-problem.schema';
import { ProblemCatalog } from '../problems/problem-catalog';
import {
  type PlatformAddition,
  plannedMappingDocument,
  platformAddition,
  toCandidate,
  withPlatform,
} from '../problems/problem-documents';
import type { ProblemMappingDocument } from '../problems/problem-mapping.schema';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CatalogTrust } from './catalog-trust';

/** What mapping a batch's new platform problems made of them. */
export interface NewProblemsMapped {
  /** The mapping of each platform problem mapped (by this batch or another consumer). */
  created: Map<string, ProblemMappingDocument>;
  /** Why each platform problem that cannot be mapped cannot. */
  failures: Map<string, string>;
}

/**
 * Maps the platform problems a batch carries that have no mapping yet (docs/product.md#normalization):
 * plans them (domain/mapping-plan), inserts the mappings first — the unique index settles
 * races between consumers, and a loser reuses the winner's mapping (finishing the winner's
 * problem write if the winner died before it) — then creates or extends the canonical problems
 * and records what admins review. The caller runs it one batch at a time (`Normalizer`).
 */
@Injectable()
export class NewProblemMapper {
  private readonly log: Logger;

  constructor(
    private readonly catalog: ProblemCatalog,
    private readonly taxonomy: TaxonomyService,
    private readonly duplicates: PossibleDuplicateStore,
    private readonly unmappedTags: UnmappedTagStore,
    private readonly trust: CatalogTrust,
    private readonly config: NormalizationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'normalizer' });
  }

  async map(groups: Map<string, SubmissionIngestedPayload[]>): Promise<NewProblemsMapped> {
    const failures = new Map<string, string>();
    const plans: MappingPlan[] = [];
    for (const [key, group] of groups) {
      const planned = planNewProblem(
        key,
        group,
        this.taxonomy.tagAliases,
        this.config.PROBLEM_VOUCHERS_MAX,
      );
      if ('failure' in planned) failures.set(key, planned.failure);
      else plans.push(planned);
    }
    const candidateDocs = await this.catalog.candidates(plans);
    const confirmed = new Map(candidateDocs.map((doc) => [doc._id, isConfirmed(doc)]));
    const now = new Date();
    const { mappings, created: fresh } = planMappings(
      plans,
      candidateDocs.map(toCandidate),
      uuidv7,
    );
    const decided = mappings.map((planned) => ({
      ...planned,
      mapping: plannedMappingDocument(planned, now),
    }));

    const lost = await this.catalog.insertMappings(decided.map(({ mapping }) => mapping));
    const winners = decided.filter(({ plan }) => !lost.has(plan.key));

    // Canonical problems: new ones that a winning mapping points to, and platforms added to existing ones.
    const newDocs = new Map<string, CanonicalProblemDocument>();
    const additions: PlatformAddition[] = [];
    for (const { plan, mapping } of winners) {
      const created = fresh.get(mapping.canonicalProblemId);
      if (created)
        withPlatform(
          newDocs,
          created.candidate.id,
          created.plan,
          created.candidate.difficulty,
          plan,
          now,
          this.config.PROBLEM_VOUCHERS_MAX,
        );
      else
        additions.push(
          platformAddition(
            mapping.canonicalProblemId,
            plan,
            now,
            confirmed.get(mapping.canonicalProblemId) ?? true,
          ),
        );
    }
    // Four writes to four collections, independent of each other: one round trip's wait.
    await Promise.all([
      this.catalog.createProblems([...newDocs.values()]),
      this.catalog.addPlatforms(additions),
      this.duplicates.insert(
        winners.flatMap(({ decision, mapping }) =>
          decision.possibleDuplicateOf
            ? [
                {
                  problemId: mapping.canonicalProblemId,
                  candidateId: decision.possibleDuplicateOf,
                  confidence: decision.confidence,
                },
              ]
            : [],
        ),
      ),
      this.unmappedTags.record(
        winners.map(({ plan }) => ({
          platform: plan.platform,
          platformProblemId: plan.problem.platformProblemId,
          tags: plan.tags.unmapped,
        })),
      ),
    ]);

    // Only once written: a batch that fails here is retried and must settle them again.
    for (const { plan } of winners) this.trust.remember(plan.key, plan.verified, plan.vouchers);
    // Only now, with their problems written, are the new mappings trusted from the cache.
    this.catalog.rememberMappings(winners.map(({ mapping }) => mapping));
    const created = new Map(winners.map(({ plan, mapping }) => [plan.key, mapping]));
    if (lost.size > 0) {
      const theirs = await this.catalog.findMappings([...lost], { remember: false });
      const plansByKey = new Map(plans.map((plan) => [plan.key, plan]));
      await this.finishTheirs(theirs, plansByKey, now);
      this.catalog.rememberMappings(theirs.values());
      for (const [key, mapping] of theirs) created.set(key, mapping);
      this.log.info(
        { problems: lost.size },
        'another consumer mapped these problems first; reusing its mappings',
      );
    }
    if (winners.length > 0) {
      this.log.info(
        { created: newDocs.size, mappedToExisting: additions.length, failures: failures.size },
        'new platform problems normalized',
      );
    }
    return { created, failures };
  }

  /**
   * Mappings another consumer inserted first are reused once their canonical problem lists
   * the platform problem. One still missing it while young is being written (this batch fails
   * and is retried); an old one was left by a consumer that died between its mapping and its
   * problem write, and that write is finished here (the review records are not redone).
   */
  private async finishTheirs(
    theirs: Map<string, ProblemMappingDocument>,
    plansByKey: Map<string, MappingPlan>,
    now: Date,
  ): Promise<void> {
    const ids = [...new Set([...theirs.values()].map((mapping) => mapping.canonicalProblemId))];
    const problems = new Map((await this.catalog.getMany(ids)).map((doc) => [doc._id, doc]));
    const missing = new Map<string, CanonicalProblemDocument>();
    const additions: PlatformAddition[] = [];
    for (const [key, mapping] of theirs) {
      const plan = plansByKey.get(key)!;
      const action = settleTheirMapping({
        platform: plan.platform,
        platformProblemId: plan.problem.platformProblemId,
        mappingAgeMs: now.getTime() - new Date(mapping.createdAt).getTime(),
        problem: problems.get(mapping.canonicalProblemId) ?? null,
      });
      if (action === 'wait')
        throw new Error(
          `the canonical problem of ${key} is still being written by another consumer`,
        );
      if (action === 'create-problem')
        withPlatform(
          missing,
          mapping.canonicalProblemId,
          plan,
          mapping.difficulty,
          plan,
          now,
          this.config.PROBLEM_VOUCHERS_MAX,
        );
      if (action === 'add-platform')
        additions.push(
          platformAddition(
            mapping.canonicalProblemId,
            plan,
            now,
            isConfirmed(problems.get(mapping.canonicalProblemId) ?? {}),
          ),
        );
    }
    if (missing.size === 0 && additions.length === 0) return;
    await Promise.all([
      this.catalog.createProblems([...missing.values()]),
      this.catalog.addPlatforms(additions),
    ]);
    this.log.warn(
      { created: missing.size, platformsAdded: additions.length },
      'finished canonical problems a consumer left unwritten (it died after inserting their mappings)',
    );
  }
}
