import { Injectable } from '@nestjs/common';
import type {
  Page,
  PageRpcData,
  ProblemResponse,
  ProblemsListRpcData,
  ProblemSummaryResponse,
} from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import type { FilterQuery } from 'mongoose';
import { normalizeTitle } from '../domain/titles';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type AggregateTelemetry,
  type CanonicalProblemDocument,
  EMPTY_TELEMETRY,
  PROBLEM_TELEMETRY_MODEL,
  type ProblemTelemetryDocument,
} from './canonical-problem.schema';
import { ProblemCatalog } from './problem-catalog';
import { toProblemResponse } from './problem.mapper';

/** Ids one summaries request may ask for (a page of any list). */
const MAX_SUMMARIES = 100;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The problems API: list with filters and title search, one problem, flagged ones. */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly catalog: ProblemCatalog,
    @InjectModel(PROBLEM_TELEMETRY_MODEL)
    private readonly telemetry: Model<ProblemTelemetryDocument>,
  ) {}

  /** Problems as the API shows them, with their telemetry (zeros before the first flush). */
  async views(docs: CanonicalProblemDocument[]): Promise<ProblemResponse[]> {
    if (docs.length === 0) return [];
    const stored = await this.telemetry
      .find({ _id: { $in: docs.map((doc) => doc._id) } })
      .lean<ProblemTelemetryDocument[]>();
    const byId = new Map<string, AggregateTelemetry>(
      stored.map(
        ({ totalSubmissions, acceptedSubmissions, successRate, meanSolveTimeSeconds, _id }) => [
          _id,
          { totalSubmissions, acceptedSubmissions, successRate, meanSolveTimeSeconds },
        ],
      ),
    );
    return docs.map((doc) => toProblemResponse(doc, byId.get(doc._id) ?? { ...EMPTY_TELEMETRY }));
  }

  /**
   * By creation order (ids are UUID v7). Title search matches the normalized title
   * (case and punctuation ignored) with a regular expression: FerretDB has no `$text`.
   */
  async list(query: ProblemsListRpcData): Promise<Page<ProblemResponse>> {
    const filter: FilterQuery<CanonicalProblemDocument> = {};
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
    return this.page(filter, query);
  }

  async flagged(query: PageRpcData): Promise<Page<ProblemResponse>> {
    return this.page({ flagged: true }, query);
  }

  private async page(
    filter: FilterQuery<CanonicalProblemDocument>,
    { limit, cursor }: PageRpcData,
  ): Promise<Page<ProblemResponse>> {
    if (cursor) filter._id = { $gt: cursor };
    const docs = await this.catalog.problems
      .find(filter)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<CanonicalProblemDocument[]>();
    const page = docs.slice(0, limit);
    return {
      items: await this.views(page),
      nextCursor: docs.length > limit ? page[page.length - 1]._id : null,
    };
  }

  async get(id: string): Promise<ProblemResponse> {
    const doc = await this.catalog.get(id);
    if (!doc) throw new AppError('NOT_FOUND', 'no such problem');
    return (await this.views([doc]))[0];
  }

  /** Title and platforms of each known problem, for other services' views. */
  async summaries(ids: string[]): Promise<ProblemSummaryResponse[]> {
    const docs = await this.catalog.getMany([...new Set(ids)].slice(0, MAX_SUMMARIES));
    return docs.map((doc) => {
      const { id, title, platforms } = toProblemResponse(doc, EMPTY_TELEMETRY);
      return { id, title, platforms };
    });
  }

  /** 404 unless the problem exists (for bookmarks and feedback). */
  async require(id: string): Promise<CanonicalProblemDocument> {
    const doc = await this.catalog.get(id);
    if (!doc) throw new AppError('NOT_FOUND', 'no such problem');
    return doc;
  }
}
