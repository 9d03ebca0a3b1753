import { Injectable } from '@nestjs/common';
import type {
  Page,
  PageRpcData,
  ProblemResponse,
  ProblemsListRpcData,
  ProblemSummaryResponse,
  UnknownProblemsResponse,
  UnknownProblemsRpcData,
} from '@prepmate/contracts';
import { AppError, idPage } from '@prepmate/platform';
import type { FilterQuery } from 'mongoose';
import { canSee, type Viewer } from '../domain/problem-trust';
import { normalizeTitle } from '../domain/titles';
import { ProblemTelemetry } from '../normalizing/problem-telemetry';
import { type CanonicalProblemDocument, EMPTY_TELEMETRY } from './canonical-problem.schema';
import { ProblemCatalog } from './problem-catalog';
import { SYSTEM_VIEWER, toProblemResponse } from './problem.mapper';
import { mappingId } from './problem-mapping.schema';

/** Ids one summaries request may ask for (a page of any list). */
const MAX_SUMMARIES = 100;
/** Platform problems one unknown-problems request may ask about (one import's worth). */
const MAX_UNKNOWN_QUERY = 10_000;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The problems API: list with filters and title search, one problem, flagged ones. */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly catalog: ProblemCatalog,
    private readonly telemetry: ProblemTelemetry,
  ) {}

  /** Problems as the API shows them to `viewer`, with their telemetry (zeros before the first flush). */
  async views(
    docs: CanonicalProblemDocument[],
    viewer: Viewer = SYSTEM_VIEWER,
  ): Promise<ProblemResponse[]> {
    if (docs.length === 0) return [];
    const byId = await this.telemetry.ofProblems(docs.map((doc) => doc._id));
    return docs.map((doc) =>
      toProblemResponse(doc, byId.get(doc._id) ?? { ...EMPTY_TELEMETRY }, viewer),
    );
  }

  /**
   * By creation order (ids are UUID v7). Title search matches the normalized title
   * (case and punctuation ignored) with a regular expression: FerretDB has no `$text`.
   * Confirmed problems and the viewer's own unconfirmed ones: each branch of the `$or` has
   * its index ending in `_id` (verified, vouchedBy), so a page reads what it shows.
   */
  async list(query: ProblemsListRpcData, viewer: Viewer): Promise<Page<ProblemResponse>> {
    const filter: FilterQuery<CanonicalProblemDocument> =
      viewer.role === 'admin' ? {} : { $or: [{ verified: true }, { vouchedBy: viewer.userId }] };
    if (query.topic) filter.topics = query.topic;
    if (query.difficulty) filter.difficulty = query.difficulty;
    if (query.q) {
      const words = normalizeTitle(query.q);
      if (!words)
        throw new AppError('VALIDATION_FAILED', 'the search has no letters or digits', {
          field: 'q',
        });
      filter.normalizedTitle = { $regex: escapeRegex(words) };
    }
    return this.page(filter, query, viewer);
  }

  async flagged(query: PageRpcData): Promise<Page<ProblemResponse>> {
    return this.page({ flagged: true }, query, SYSTEM_VIEWER);
  }

  /** For admins: the problems only imports vouch for, to confirm or leave. */
  async unconfirmed(query: PageRpcData): Promise<Page<ProblemResponse>> {
    return this.page({ verified: false }, query, SYSTEM_VIEWER);
  }

  /** An admin confirms a problem and its platform problems: everyone sees them from now on. */
  async confirm(id: string): Promise<ProblemResponse> {
    const doc = await this.catalog.confirmProblem(id);
    if (!doc) throw new AppError('NOT_FOUND', 'no such problem');
    return (await this.views([doc]))[0];
  }

  /** Which of these platform problems no mapping exists for (ingestion's daily cap). */
  async unknown({
    platform,
    platformProblemIds,
  }: UnknownProblemsRpcData): Promise<UnknownProblemsResponse> {
    if (!Array.isArray(platformProblemIds) || platformProblemIds.length > MAX_UNKNOWN_QUERY)
      throw new AppError('VALIDATION_FAILED', `at most ${MAX_UNKNOWN_QUERY} ids`, {
        field: 'platformProblemIds',
      });
    const keys = platformProblemIds.map((id) => mappingId(platform, id));
    const known = await this.catalog.findMappings(keys);
    return { unknown: platformProblemIds.filter((_, i) => !known.has(keys[i])) };
  }

  private async page(
    filter: FilterQuery<CanonicalProblemDocument>,
    { limit, cursor }: PageRpcData,
    viewer: Viewer,
  ): Promise<Page<ProblemResponse>> {
    const docs = await this.catalog.page(filter, cursor, limit);
    const page = idPage(docs, limit);
    return { items: await this.views(page.items, viewer), nextCursor: page.nextCursor };
  }

  async get(id: string, viewer: Viewer): Promise<ProblemResponse> {
    return (await this.views([await this.require(id, viewer)], viewer))[0];
  }

  /** Title and platforms of each known problem, for other services' views. */
  async summaries(ids: readonly string[]): Promise<ProblemSummaryResponse[]> {
    const docs = await this.catalog.getMany([...new Set(ids)].slice(0, MAX_SUMMARIES));
    return docs.map((doc) => {
      const { id, title, platforms } = toProblemResponse(doc, EMPTY_TELEMETRY);
      return { id, title, platforms };
    });
  }

  /** 404 unless the problem exists and `viewer` may see it (an unconfirmed one of others does not). */
  async require(id: string, viewer: Viewer): Promise<CanonicalProblemDocument> {
    const doc = await this.catalog.get(id);
    if (!doc || !canSee(doc, viewer)) throw new AppError('NOT_FOUND', 'no such problem');
    return doc;
  }
}
