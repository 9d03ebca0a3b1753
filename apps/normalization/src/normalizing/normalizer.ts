import { Inject, Injectable } from '@nestjs/common';
import type { SubmissionIngestedPayload } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { unusableProblem } from '../domain/mapping-plan';
import { FailureStore } from '../failures/failure.store';
import { ProblemCatalog } from '../problems/problem-catalog';
import { mappingId } from '../problems/problem-mapping.schema';
import { CatalogTrust } from './catalog-trust';
import { NewProblemMapper } from './new-problem-mapper';
import { NormalizedSubmissionStore } from './normalized-submission.store';
import { ProblemTelemetry } from './problem-telemetry';

export interface NormalizeOutcome {
  submissionId: string;
  canonicalProblemId: string | null;
  /** Why the problem could not be normalized (the submission is held). */
  failure?: string;
}

/**
 * docs/product.md#normalization for a batch of ingested submissions: reuse existing mappings;
 * group the new platform problems and map them (`NewProblemMapper`: match each against
 * canonical problems with equal or similar titles, insert the mappings first, then create or
 * extend the canonical problems); store every submission's normalized record with its event;
 * hold submissions whose problem cannot be normalized.
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
    private readonly newProblems: NewProblemMapper,
    private readonly records: NormalizedSubmissionStore,
    private readonly failures: FailureStore,
    private readonly telemetry: ProblemTelemetry,
    private readonly trust: CatalogTrust,
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
      items
        .filter((item) => !mappings.has(keyOf(item)) && unusableProblem(item.problem))
        .map(keyOf),
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
      const { created, failures } = await this.exclusively(() => this.newProblems.map(unmapped));
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
}
