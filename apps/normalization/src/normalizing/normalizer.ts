import { Inject, Injectable } from '@nestjs/common';
import type {
  Difficulty,
  Platform,
  PlatformProblem,
  SubmissionIngestedPayload,
} from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { platformDifficulty } from '../domain/difficulty';
import { type CanonicalCandidate, decideMatch } from '../domain/matching';
import { firstVouchers, isConfirmed } from '../domain/problem-trust';
import { problemUrl } from '../domain/problem-urls';
import type { MappedTags } from '../domain/tags';
import { normalizeTitle } from '../domain/titles';
import { settleTheirMapping } from '../domain/unfinished-mapping';
import { FailureStore } from '../failures/failure-store';
import { ReviewLog } from '../failures/review-log';
import { type CanonicalProblemDocument } from '../problems/canonical-problem.schema';
import { NormalizationConfig } from '../normalization.config';
import { type PlatformAddition, ProblemCatalog, toCandidate } from '../problems/problem-catalog';
import { mappingId, type ProblemMappingDocument } from '../problems/problem-mapping.schema';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CatalogTrust } from './catalog-trust';
import { NormalizedRecords } from './normalized-records';
import { ProblemTelemetry } from './problem-telemetry';

export interface NormalizeOutcome {
  submissionId: string;
  canonicalProblemId: string | null;
  /** Why the problem could not be normalized (the submission is held). */
  failure?: string;
}

interface Plan {
  key: string;
  platform: Platform;
  problem: PlatformProblem;
  normalizedTitle: string;
  tags: MappedTags;
  ownDifficulty: Difficulty | null;
  /** The platform vouches for the problem (an adapter read it); else only its importers do. */
  verified: boolean;
  /** The users whose submissions carry it, when unconfirmed (bounded). */
  vouchers: string[];
}

/** Why a platform problem cannot become a canonical one, or null when it can. */
function unusable(problem: PlatformProblem): string | null {
  if (!normalizeTitle(problem.title ?? '')) return 'the problem has no title';
  return null;
}

/**
 * docs/product.md#normalization for a batch of ingested submissions: reuse existing mappings; group the new
 * platform problems, match each against canonical problems with equal or similar titles
 * (confidence decides: map, create and flag a possible duplicate, or create); insert the
 * mappings first — the unique index settles races between consumers, and a loser reuses the
 * winner's mapping (finishing the winner's problem write if the winner died before it) — then
 * create or extend the canonical problems; store every submission's
 * normalized record with its event; hold submissions whose problem cannot be normalized.
 * A batch costs a handful of round trips however many submissions it carries.
 */
@Injectable()
export class Normalizer {
  private readonly log: Logger;
  /**
   * New problems and held failures are written by one batch at a time in a replica: they
   * update shared documents (a canonical problem gaining a platform, a failure gaining a
   * submission), and FerretDB applies concurrent updates of one document as read-modify-write.
   * Batches of known problems, the common case, still run side by side.
   */
  private sharedWrites: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly catalog: ProblemCatalog,
    private readonly taxonomy: TaxonomyService,
    private readonly records: NormalizedRecords,
    private readonly failures: FailureStore,
    private readonly review: ReviewLog,
    private readonly telemetry: ProblemTelemetry,
    private readonly trust: CatalogTrust,
    private readonly config: NormalizationConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'normalizer' });
  }

  async normalizeBatch(
    items: SubmissionIngestedPayload[],
    attempt = 0,
  ): Promise<NormalizeOutcome[]> {
    const keyOf = (item: SubmissionIngestedPayload) =>
      mappingId(item.platform, item.problem.platformProblemId);
    const keys = [...new Set(items.map(keyOf))];
    const mappings = this.catalog.cachedMappings(keys);
    // A problem the rules cannot map (no title) may have a mapping an admin made when
    // resolving its failure, possibly on another replica: those few are looked up.
    const unusableKeys = new Set(
      items.filter((item) => !mappings.has(keyOf(item)) && unusable(item.problem)).map(keyOf),
    );
    if (unusableKeys.size > 0)
      for (const [key, mapping] of await this.catalog.findMappings([...unusableKeys]))
        mappings.set(key, mapping);
    const unmapped = new Map<string, SubmissionIngestedPayload[]>();
    for (const item of items) {
      if (mappings.has(keyOf(item))) continue;
      const group = unmapped.get(keyOf(item)) ?? [];
      group.push(item);
      unmapped.set(keyOf(item), group);
    }
    const failed = new Map<string, string>();
    if (unmapped.size > 0) {
      const { created, failures } = await this.exclusively(() => this.mapNewProblems(unmapped));
      for (const [key, mapping] of created) mappings.set(key, mapping);
      for (const [key, reason] of failures) failed.set(key, reason);
    }

    const mapped = items.flatMap((item) => {
      const mapping = mappings.get(keyOf(item));
      return mapping ? [{ item, mapping }] : [];
    });
    // Platform problems already in the catalog: a platform adapter's read confirms them, an
    // import's makes its user a voucher (both usually known already: no database work).
    await this.trust.settle(mapped, (work) => this.exclusively(work));
    await this.records.store(mapped);
    this.telemetry.markDirty(new Set(mapped.map(({ mapping }) => mapping.canonicalProblemId)));

    const retry: SubmissionIngestedPayload[] = [];
    for (const [key, reason] of failed) {
      const held = unmapped.get(key)!;
      if (!(await this.exclusively(() => this.failures.hold(key, held, reason))))
        retry.push(...held);
      else
        this.log.warn(
          { key, reason, submissions: held.length },
          'problem not normalized; submissions held',
        );
    }
    const retried =
      retry.length > 0 && attempt < 2 ? await this.normalizeBatch(retry, attempt + 1) : [];
    const retriedById = new Map(retried.map((outcome) => [outcome.submissionId, outcome]));

    return items.map((item) => {
      const again = retriedById.get(item.submissionId);
      if (again) return again;
      const mapping = mappings.get(keyOf(item));
      if (mapping)
        return { submissionId: item.submissionId, canonicalProblemId: mapping.canonicalProblemId };
      return {
        submissionId: item.submissionId,
        canonicalProblemId: null,
        failure: failed.get(keyOf(item)),
      };
    });
  }

  private exclusively<T>(work: () => Promise<T>): Promise<T> {
    const run = this.sharedWrites.then(work, work);
    this.sharedWrites = run.catch(() => undefined);
    return run;
  }

  private async mapNewProblems(groups: Map<string, SubmissionIngestedPayload[]>): Promise<{
    created: Map<string, ProblemMappingDocument>;
    failures: Map<string, string>;
  }> {
    const failures = new Map<string, string>();
    const plans: Plan[] = [];
    for (const [key, group] of groups) {
      // The platform's own data, when one of the submissions came through an adapter.
      const { platform, problem } =
        group.find((item) => item.problem.verified === true) ?? group[0];
      const reason = unusable(problem);
      if (reason) {
        failures.set(key, reason);
        continue;
      }
      const verified = problem.verified === true;
      plans.push({
        key,
        platform,
        problem,
        normalizedTitle: normalizeTitle(problem.title),
        tags: this.taxonomy.tagAliases.map(platform, problem.tags),
        ownDifficulty: platformDifficulty(platform, problem),
        verified,
        vouchers: verified
          ? []
          : firstVouchers(
              group.map((item) => item.userId),
              this.config.PROBLEM_VOUCHERS_MAX,
            ),
      });
    }
    const candidateDocs = await this.catalog.candidates(plans);
    const confirmed = new Map(candidateDocs.map((doc) => [doc._id, isConfirmed(doc)]));
    const pool: CanonicalCandidate[] = candidateDocs.map(toCandidate);
    const now = new Date();
    const fresh = new Map<string, { plan: Plan; candidate: CanonicalCandidate }>();
    const decided = plans.map((plan) => {
      const difficulty = plan.ownDifficulty ?? 'medium';
      const decision = decideMatch(
        {
          platform: plan.platform,
          normalizedTitle: plan.normalizedTitle,
          difficulty,
          topics: plan.tags.topics,
        },
        pool,
      );
      let target: CanonicalCandidate;
      if (decision.action === 'map') {
        target = pool.find((candidate) => candidate.id === decision.canonicalId)!;
        target.platforms = [...target.platforms, plan.platform];
      } else {
        target = {
          id: uuidv7(),
          normalizedTitle: plan.normalizedTitle,
          difficulty,
          topics: plan.tags.topics,
          platforms: [plan.platform],
        };
        pool.push(target);
        fresh.set(target.id, { plan, candidate: target });
      }
      const mapping: ProblemMappingDocument = {
        _id: plan.key,
        platform: plan.platform,
        platformProblemId: plan.problem.platformProblemId,
        canonicalProblemId: target.id,
        method: decision.method,
        confidence: decision.confidence,
        topics: plan.tags.topics.length > 0 ? plan.tags.topics : [...target.topics],
        difficulty: plan.ownDifficulty ?? target.difficulty,
        createdAt: now,
      };
      return { plan, decision, mapping };
    });

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
          additionOf(
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
      this.review.possibleDuplicates(
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
      this.review.unmappedTags(
        winners.map(({ plan }) => ({
          platform: plan.platform,
          platformProblemId: plan.problem.platformProblemId,
          tags: plan.tags.unmapped,
        })),
      ),
    ]);

    // Only once written: a batch that fails here is retried and must settle them again.
    for (const { plan } of winners) this.trust.remember(plan.key, plan.verified, plan.vouchers);
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
    plansByKey: Map<string, Plan>,
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
          additionOf(
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

function entryOf(plan: Plan, now: Date) {
  const { platformProblemId } = plan.problem;
  return {
    platform: plan.platform,
    platformProblemId,
    url: problemUrl(plan.platform, platformProblemId),
    firstSeen: now,
    verified: plan.verified,
  };
}

function additionOf(
  canonicalId: string,
  plan: Plan,
  now: Date,
  problemConfirmed: boolean,
): PlatformAddition {
  return {
    canonicalId,
    entry: entryOf(plan, now),
    topics: plan.tags.topics,
    tags: plan.tags.normalizedTags,
    vouchers: plan.vouchers,
    ...(plan.verified && !problemConfirmed
      ? {
          confirmTitle: { title: plan.problem.title.trim(), normalizedTitle: plan.normalizedTitle },
        }
      : {}),
  };
}

/**
 * Adds `plan`'s platform problem to the new canonical problem `id` in `docs`, creating it from
 * `origin` (the platform problem it was created for) when it is not there yet. A confirmed
 * platform problem confirms the new problem (with its title); an unconfirmed one adds its
 * vouchers and, to a confirmed problem, nothing else others see.
 */
function withPlatform(
  docs: Map<string, CanonicalProblemDocument>,
  id: string,
  origin: Plan,
  difficulty: Difficulty,
  plan: Plan,
  now: Date,
  maxVouchers: number,
): void {
  let doc = docs.get(id);
  if (!doc) {
    doc = {
      _id: id,
      title: origin.problem.title.trim(),
      normalizedTitle: origin.normalizedTitle,
      difficulty,
      topics: [...origin.tags.topics],
      normalizedTags: [...origin.tags.normalizedTags],
      platforms: [],
      interviewFrequency: null,
      openReports: 0,
      flagged: false,
      verified: origin.verified,
      vouchedBy: [...origin.vouchers],
      createdAt: now,
    };
    docs.set(id, doc);
  }
  doc.platforms.push(entryOf(plan, now));
  if (plan.verified && !doc.verified) {
    doc.verified = true;
    doc.title = plan.problem.title.trim();
    doc.normalizedTitle = plan.normalizedTitle;
  }
  doc.vouchedBy = firstVouchers([...doc.vouchedBy, ...plan.vouchers], maxVouchers);
  if (plan.verified || !doc.verified || plan === origin) {
    doc.topics = [...new Set([...doc.topics, ...plan.tags.topics])];
    doc.normalizedTags = [...new Set([...doc.normalizedTags, ...plan.tags.normalizedTags])];
  }
}
