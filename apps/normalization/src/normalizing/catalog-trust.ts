import { Injectable } from '@nestjs/common';
import type { SubmissionIngestedPayload } from '@prepmate/contracts';
import { isConfirmed, vouchersToAdd } from '../domain/problem-trust';
import { normalizeTitle } from '../domain/titles';
import { NormalizationConfig } from '../normalization.config';
import type { CanonicalProblemDocument } from '../problems/canonical-problem.schema';
import { ProblemCatalog } from '../problems/problem-catalog';
import type { ProblemMappingDocument } from '../problems/problem-mapping.schema';

/** Entries each cache keeps before it starts over (it only saves reads). */
const CACHE_LIMIT = 200_000;

type Mapped = { item: SubmissionIngestedPayload; mapping: ProblemMappingDocument };

/**
 * Confirmation and vouching of platform problems the catalog already maps
 * (docs/security-input.md): a submission read by a platform adapter confirms its platform
 * problem (and an unconfirmed canonical problem, which takes the platform's title); one an
 * import vouches for makes its user one of the problem's vouchers while it is unconfirmed.
 * What each replica knows is cached (confirmed platform problems never go back), so a batch
 * of known, confirmed problems costs nothing; the rest is one read and a few guarded writes.
 */
@Injectable()
export class CatalogTrust {
  /** Mapping keys whose platform problem (and so its canonical problem) is confirmed. */
  private readonly confirmed = new Set<string>();
  /** `${mapping key}|${userId}` already among the vouchers (or past caring: confirmed). */
  private readonly vouched = new Set<string>();

  constructor(
    private readonly catalog: ProblemCatalog,
    private readonly config: NormalizationConfig,
  ) {}

  /** What a batch just wrote for a new platform problem: nothing left to settle for it. */
  remember(key: string, verified: boolean, vouchers: string[]): void {
    if (verified) this.add(this.confirmed, key);
    else for (const userId of vouchers) this.add(this.vouched, `${key}|${userId}`);
  }

  async settle(
    mapped: Mapped[],
    exclusively: (work: () => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const toConfirm = new Map<string, Mapped>();
    const toVouch = new Map<string, { mapping: ProblemMappingDocument; users: Set<string> }>();
    for (const entry of mapped) {
      const key = entry.mapping._id;
      if (this.confirmed.has(key)) continue;
      if (entry.item.problem.verified === true) {
        if (!toConfirm.has(key)) toConfirm.set(key, entry);
      } else if (!this.vouched.has(`${key}|${entry.item.userId}`)) {
        const pending = toVouch.get(key) ?? { mapping: entry.mapping, users: new Set<string>() };
        pending.users.add(entry.item.userId);
        toVouch.set(key, pending);
      }
    }
    if (toConfirm.size === 0 && toVouch.size === 0) return;
    await exclusively(() => this.write(toConfirm, toVouch));
  }

  private async write(
    toConfirm: Map<string, Mapped>,
    toVouch: Map<string, { mapping: ProblemMappingDocument; users: Set<string> }>,
  ): Promise<void> {
    const ids = new Set<string>();
    for (const { mapping } of [...toConfirm.values(), ...toVouch.values()])
      ids.add(mapping.canonicalProblemId);
    const problems = new Map(
      (await this.catalog.getMany([...ids])).map((doc) => [doc._id, doc] as const),
    );
    const confirmations: Parameters<ProblemCatalog['confirmPlatforms']>[0] = [];
    const confirmedNow: string[] = [];
    for (const [key, { item, mapping }] of toConfirm) {
      const found = locate(problems.get(mapping.canonicalProblemId), mapping);
      // A mapping whose problem is still being written: settled by a later submission.
      if (!found) continue;
      confirmedNow.push(key);
      if (isConfirmed(found.entry)) continue;
      const normalizedTitle = normalizeTitle(item.problem.title ?? '');
      confirmations.push({
        canonicalId: mapping.canonicalProblemId,
        index: found.index,
        entry: found.entry,
        ...(!isConfirmed(found.problem) && normalizedTitle
          ? { confirmTitle: { title: item.problem.title.trim(), normalizedTitle } }
          : {}),
      });
    }
    const vouchers = new Map<string, string[]>();
    const vouchedNow: string[] = [];
    for (const [key, { mapping, users }] of toVouch) {
      const found = locate(problems.get(mapping.canonicalProblemId), mapping);
      if (!found) continue;
      for (const userId of users) vouchedNow.push(`${key}|${userId}`);
      if (isConfirmed(found.problem) && isConfirmed(found.entry)) {
        confirmedNow.push(key);
        continue;
      }
      const known = found.problem.vouchedBy ?? [];
      const list = vouchers.get(mapping.canonicalProblemId) ?? [];
      const fresh = vouchersToAdd(known, [...list, ...users], this.config.PROBLEM_VOUCHERS_MAX);
      if (fresh.length > 0) vouchers.set(mapping.canonicalProblemId, fresh);
    }
    await this.catalog.confirmPlatforms(confirmations);
    await this.catalog.vouch(vouchers);
    for (const key of confirmedNow) this.add(this.confirmed, key);
    for (const pair of vouchedNow) this.add(this.vouched, pair);
  }

  private add(set: Set<string>, value: string): void {
    if (set.size >= CACHE_LIMIT) set.clear();
    set.add(value);
  }
}

function locate(
  problem: CanonicalProblemDocument | undefined,
  mapping: ProblemMappingDocument,
): {
  problem: CanonicalProblemDocument;
  index: number;
  entry: CanonicalProblemDocument['platforms'][number];
} | null {
  if (!problem) return null;
  const index = problem.platforms.findIndex(
    (entry) =>
      entry.platform === mapping.platform && entry.platformProblemId === mapping.platformProblemId,
  );
  return index < 0 ? null : { problem, index, entry: problem.platforms[index] };
}
