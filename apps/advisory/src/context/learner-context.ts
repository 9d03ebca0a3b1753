import { Injectable } from '@nestjs/common';
import {
  type Page,
  type PageRpcData,
  type PciResponse,
  type ProblemResponse,
  type RecommendationResponse,
  type RoadmapResponse,
  RPC_PATTERNS,
  type RpcCaller,
  type SolvedProblemsResponse,
  type TopicStatsResponse,
} from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';
import { AdvisoryConfig } from '../advisory.config';
import type { CandidateProblem, SearchStep } from '../domain/task-selection';
import { unsolvedCandidates } from '../domain/task-selection';
import type { TaxonomyTopic } from '../domain/skills';

/** Problems of one catalog page; pages a task search reads at most (over every step). */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;
/** Candidates a model may choose among. */
export const MAX_CANDIDATES = 5;
const TAXONOMY_FRESH_MS = 60_000;
/** Roadmaps per page of the list read to find the followed one. */
const ROADMAP_PAGE = 100;

/**
 * Everything advisory knows about a learner, read on demand over RPC as the learner (the
 * forwarded caller): roadmap recommendations, solved problems with their recall, topic stats,
 * and the problem catalog and taxonomy from normalization. Reads only; nothing is cached per
 * user, so each request sees the learner's current data.
 */
@Injectable()
export class LearnerContext {
  private taxonomyCache?: { at: number; topics: TaxonomyTopic[] };

  constructor(
    private readonly rpc: RpcClient,
    private readonly config: AdvisoryConfig,
  ) {}

  /** The roadmap to advance: the one asked for, else the first followed, else the default. */
  async roadmapId(caller: RpcCaller, requested?: string): Promise<string> {
    if (requested) return requested;
    // The list is paginated (official roadmaps and at most CUSTOM_ROADMAPS_PER_USER own ones:
    // one or two pages of 100).
    let cursor: string | undefined;
    do {
      const page: Page<RoadmapResponse> = await this.rpc.call(
        RPC_PATTERNS.roadmapsList,
        { limit: ROADMAP_PAGE, ...(cursor ? { cursor } : {}) } satisfies PageRpcData,
        { caller },
      );
      const followed = page.items.find((roadmap) => roadmap.following);
      if (followed) return followed.id;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return this.config.ADVISORY_DEFAULT_ROADMAP;
  }

  async recommendations(caller: RpcCaller, roadmapId: string): Promise<RecommendationResponse[]> {
    const { items } = await this.rpc.call(
      RPC_PATTERNS.roadmapsRecommendations,
      { roadmapId, limit: 5 },
      { caller },
    );
    return items;
  }

  /** The learner's stored progress on a roadmap (roadmap refreshes it when older than an hour). */
  progress(caller: RpcCaller, roadmapId: string): Promise<PciResponse> {
    return this.rpc.call(RPC_PATTERNS.roadmapsProgress, { roadmapId }, { caller });
  }

  async solved(caller: RpcCaller): Promise<SolvedProblemsResponse['items']> {
    const { items } = await this.rpc.call(RPC_PATTERNS.telemetrySolvedProblems, {}, { caller });
    return items;
  }

  /**
   * Titles of a few problems (the revisions a task puts first: at most three), in one
   * `normalization.problem_summaries` request; while normalization cannot answer they stay
   * null (the task is still given).
   */
  async titles(caller: RpcCaller, ids: readonly string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const summaries = await this.rpc
      .call(RPC_PATTERNS.problemsSummaries, { ids }, { caller })
      .catch(() => []);
    const titles = new Map(summaries.map((summary) => [summary.id, summary.title]));
    return new Map(ids.map((id) => [id, titles.get(id) ?? null]));
  }

  async topicStats(caller: RpcCaller): Promise<TopicStatsResponse[]> {
    const page = await this.rpc.call(RPC_PATTERNS.telemetryTopicStats, { limit: 20 }, { caller });
    return page.items;
  }

  async problem(caller: RpcCaller, problemId: string): Promise<ProblemResponse> {
    return this.rpc.call(RPC_PATTERNS.problemsGet, { problemId }, { caller });
  }

  /** The whole topic taxonomy (normalization's list), kept for a minute. */
  async taxonomy(): Promise<TaxonomyTopic[]> {
    if (this.taxonomyCache && Date.now() - this.taxonomyCache.at < TAXONOMY_FRESH_MS)
      return this.taxonomyCache.topics;
    const topics = await this.rpc.call(RPC_PATTERNS.topicsList, {});
    const taxonomy = topics.map(({ slug, name, prerequisites }) => ({ slug, name, prerequisites }));
    this.taxonomyCache = { at: Date.now(), topics: taxonomy };
    return taxonomy;
  }

  /**
   * The first search step (recommended topic × difficulty) whose catalog pages hold problems
   * the learner has not solved, with up to five of them; null when none has any. Reads pages of
   * normalization's problem list (100 at a time, at most 20 pages in all).
   */
  async firstCandidates(
    caller: RpcCaller,
    plan: readonly SearchStep[],
    solved: ReadonlySet<string>,
  ): Promise<{ step: SearchStep; candidates: CandidateProblem[] } | null> {
    let pages = 0;
    for (const step of plan) {
      let cursor: string | undefined;
      do {
        if (pages >= MAX_PAGES) return null;
        pages += 1;
        const page = await this.rpc.call(
          RPC_PATTERNS.problemsList,
          { topic: step.topic, difficulty: step.difficulty, limit: PAGE_SIZE, cursor },
          { caller },
        );
        const candidates = unsolvedCandidates(page.items, solved, MAX_CANDIDATES);
        if (candidates.length > 0) return { step, candidates };
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return null;
  }
}
