import type { Difficulty, Platform } from '@prepmate/contracts';
import type { MappingPlan, PlannedMapping } from '../domain/mapping-plan';
import type { CanonicalCandidate } from '../domain/matching';
import { firstVouchers } from '../domain/problem-trust';
import { problemUrl } from '../domain/problem-urls';
import type { MappedTags } from '../domain/tags';
import type { CanonicalProblemDocument, ProblemPlatformEntry } from './canonical-problem.schema';
import type { MappingMethod, ProblemMappingDocument } from './problem-mapping.schema';

/**
 * The documents of the catalog as normalization writes them: built here once for the
 * normalizer (new platform problems of a batch) and for the resolution of failures (an
 * admin's decision), so both write the same shapes.
 */

/** A platform problem joining an existing canonical problem. */
export interface PlatformAddition {
  canonicalId: string;
  entry: ProblemPlatformEntry;
  /** Its mapped topics and tags: added to the problem only when the entry is confirmed. */
  topics: string[];
  tags: string[];
  /** Users vouching for an unconfirmed entry (they see it; bounded on the problem). */
  vouchers: string[];
  /** A confirmed entry confirms an unconfirmed problem and gives it the platform's title. */
  confirmTitle?: { title: string; normalizedTitle: string };
}

/** What matching needs to know of a stored canonical problem. */
export function toCandidate(doc: CanonicalProblemDocument): CanonicalCandidate {
  return {
    id: doc._id,
    normalizedTitle: doc.normalizedTitle,
    difficulty: doc.difficulty,
    topics: doc.topics,
    platforms: doc.platforms.map((entry) => entry.platform),
  };
}

/** A new canonical problem, without platforms, reports or telemetry yet. */
export function canonicalProblem(fields: {
  id: string;
  title: string;
  normalizedTitle: string;
  difficulty: Difficulty;
  topics: string[];
  normalizedTags: string[];
  verified: boolean;
  vouchedBy: string[];
  createdAt: Date;
}): CanonicalProblemDocument {
  return {
    _id: fields.id,
    title: fields.title,
    normalizedTitle: fields.normalizedTitle,
    difficulty: fields.difficulty,
    topics: fields.topics,
    normalizedTags: fields.normalizedTags,
    platforms: [],
    interviewFrequency: null,
    openReports: 0,
    flagged: false,
    verified: fields.verified,
    vouchedBy: fields.vouchedBy,
    createdAt: fields.createdAt,
  };
}

/** A canonical problem's entry for a platform problem (its link built from the id). */
export function platformEntry(
  platform: Platform,
  platformProblemId: string,
  firstSeen: Date,
  verified: boolean,
): ProblemPlatformEntry {
  return {
    platform,
    platformProblemId,
    url: problemUrl(platform, platformProblemId),
    firstSeen,
    verified,
  };
}

function entryOf(plan: MappingPlan, now: Date): ProblemPlatformEntry {
  return platformEntry(plan.platform, plan.problem.platformProblemId, now, plan.verified);
}

/** The mapping of a planned platform problem to its target. */
export function plannedMappingDocument(
  { plan, decision, target }: PlannedMapping,
  now: Date,
): ProblemMappingDocument {
  return {
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
}

/** A mapping an admin decided (or any made with full confidence by `method`). */
export function decidedMappingDocument(fields: {
  key: string;
  platform: Platform;
  platformProblemId: string;
  canonical: Pick<CanonicalProblemDocument, '_id' | 'topics' | 'difficulty'>;
  tags: MappedTags;
  ownDifficulty: Difficulty | null | undefined;
  method: MappingMethod;
  createdAt: Date;
}): ProblemMappingDocument {
  return {
    _id: fields.key,
    platform: fields.platform,
    platformProblemId: fields.platformProblemId,
    canonicalProblemId: fields.canonical._id,
    method: fields.method,
    confidence: 1,
    topics: fields.tags.topics.length > 0 ? fields.tags.topics : fields.canonical.topics,
    difficulty: fields.ownDifficulty ?? fields.canonical.difficulty,
    createdAt: fields.createdAt,
  };
}

/** A planned platform problem joining the existing canonical problem `canonicalId`. */
export function platformAddition(
  canonicalId: string,
  plan: MappingPlan,
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
export function withPlatform(
  docs: Map<string, CanonicalProblemDocument>,
  id: string,
  origin: MappingPlan,
  difficulty: Difficulty,
  plan: MappingPlan,
  now: Date,
  maxVouchers: number,
): void {
  let doc = docs.get(id);
  if (!doc) {
    doc = canonicalProblem({
      id,
      title: origin.problem.title.trim(),
      normalizedTitle: origin.normalizedTitle,
      difficulty,
      topics: [...origin.tags.topics],
      normalizedTags: [...origin.tags.normalizedTags],
      verified: origin.verified,
      vouchedBy: [...origin.vouchers],
      createdAt: now,
    });
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
