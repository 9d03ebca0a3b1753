import type { Difficulty, Platform, PlatformProblem } from '@prepmate/contracts';
import { platformDifficulty } from './difficulty';
import { type CanonicalCandidate, decideMatch, type MatchDecision } from './matching';
import { firstVouchers } from './problem-trust';
import type { MappedTags, TagAliases } from './tags';
import { normalizeTitle } from './titles';

/** A new platform problem of a batch, read for mapping (docs/product.md#normalization). */
export interface MappingPlan {
  /** Its mapping id, `platform:platformProblemId`. */
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

/** One submission of a batch carrying a new platform problem. */
export interface CarriedProblem {
  platform: Platform;
  problem: PlatformProblem;
  userId: string;
}

/** Why a platform problem cannot become a canonical one, or null when it can. */
export function unusableProblem(problem: PlatformProblem): string | null {
  if (!normalizeTitle(problem.title ?? '')) return 'the problem has no title';
  return null;
}

/**
 * The plan of a new platform problem from the submissions carrying it: the platform's own
 * data when an adapter read one of them, else the first; or why it cannot be mapped.
 */
export function planNewProblem(
  key: string,
  group: readonly CarriedProblem[],
  aliases: TagAliases,
  maxVouchers: number,
): MappingPlan | { failure: string } {
  const { platform, problem } = group.find((item) => item.problem.verified === true) ?? group[0];
  const failure = unusableProblem(problem);
  if (failure) return { failure };
  const verified = problem.verified === true;
  return {
    key,
    platform,
    problem,
    normalizedTitle: normalizeTitle(problem.title),
    tags: aliases.map(platform, problem.tags),
    ownDifficulty: platformDifficulty(platform, problem),
    verified,
    vouchers: verified
      ? []
      : firstVouchers(
          group.map((item) => item.userId),
          maxVouchers,
        ),
  };
}

/** Where a plan's platform problem goes. */
export interface PlannedMapping {
  plan: MappingPlan;
  decision: MatchDecision;
  /** The canonical problem it maps to (an existing one, or one this batch creates). */
  target: CanonicalCandidate;
}

/** A canonical problem the batch creates, and the plan it is created for. */
export interface PlannedProblem {
  plan: MappingPlan;
  candidate: CanonicalCandidate;
}

/**
 * The in-batch mapping plan: each new platform problem in turn is matched against the
 * candidates and the problems created before it in the same batch (so two platforms' copies
 * of one problem in a batch meet), and a problem it maps to lists its platform from then on.
 * `pool` is extended in place; `newId` names each canonical problem to create.
 */
export function planMappings(
  plans: readonly MappingPlan[],
  pool: CanonicalCandidate[],
  newId: () => string,
): { mappings: PlannedMapping[]; created: Map<string, PlannedProblem> } {
  const created = new Map<string, PlannedProblem>();
  const mappings = plans.map((plan) => {
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
        id: newId(),
        normalizedTitle: plan.normalizedTitle,
        difficulty,
        topics: plan.tags.topics,
        platforms: [plan.platform],
      };
      pool.push(target);
      created.set(target.id, { plan, candidate: target });
    }
    return { plan, decision, target };
  });
  return { mappings, created };
}
