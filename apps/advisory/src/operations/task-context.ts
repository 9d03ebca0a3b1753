import { Injectable } from '@nestjs/common';
import type {
  GenerateTaskRequest,
  RecommendationResponse,
  RpcCaller,
  SolvedProblem,
} from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { LearnerContext } from '../context/learner-context';
import { learningLevel, type LearnerLevel } from '../domain/level';
import type { TaxonomyTopic } from '../domain/skills';
import {
  type CandidateProblem,
  criticalRevisions,
  type RecommendedTopic,
  type RevisionCard,
  searchPlan,
  type SearchStep,
} from '../domain/task-selection';

/** Everything a task is built from, read for one request. */
export interface TaskContext {
  roadmapId: string;
  level: LearnerLevel;
  recommendations: RecommendedTopic[];
  solved: SolvedProblem[];
  /** The recommended topic and difficulty the candidates were found at; null when none. */
  step: SearchStep | null;
  candidates: CandidateProblem[];
  revisionsFirst: RevisionCard[];
  taxonomy: TaxonomyTopic[];
  knownSkills: Set<string>;
}

/**
 * Builds a task's context (docs/advisory.md): the roadmap (asked for, followed, or the
 * default), the level from the learner's distinct solved problems, the recommended topics
 * (or the one asked for), the first recommended topic and level-matching difficulty with
 * problems the learner has not solved, and the critical revision cards (from the same solved
 * problems' recall, titled by normalization).
 */
@Injectable()
export class TaskContextBuilder {
  constructor(private readonly learner: LearnerContext) {}

  async build(caller: RpcCaller, request: GenerateTaskRequest): Promise<TaskContext> {
    // the recommendations need the roadmap, not the solved problems: both reads run at once
    const roadmap = this.learner.roadmapId(caller, request.roadmapId);
    const topics = this.learner.taxonomy();
    const [roadmapId, solved, taxonomy, recommendations] = await Promise.all([
      roadmap,
      this.learner.solved(caller),
      topics,
      request.topic
        ? topics.then((taxonomy) => [this.requestedTopic(request.topic!, taxonomy)])
        : roadmap.then(async (id) =>
            (await this.learner.recommendations(caller, id)).map(toRecommended),
          ),
    ]);
    const knownSkills = new Set(taxonomy.map((topic) => topic.slug));
    const level = learningLevel(solved);
    const solvedIds = new Set(solved.map((problem) => problem.canonicalProblemId));
    const critical = criticalRevisions(
      solved.flatMap(({ canonicalProblemId, retrievability }) =>
        retrievability === null ? [] : [{ canonicalProblemId, title: null, retrievability }],
      ),
    );
    const [found, titles] = await Promise.all([
      this.learner.firstCandidates(
        caller,
        searchPlan(recommendations, level.roundedLevel),
        solvedIds,
      ),
      this.learner.titles(
        caller,
        critical.map((card) => card.canonicalProblemId),
      ),
    ]);
    return {
      roadmapId,
      level,
      recommendations,
      solved,
      step: found?.step ?? null,
      candidates: found?.candidates ?? [],
      revisionsFirst: critical.map((card) => ({
        ...card,
        title: titles.get(card.canonicalProblemId) ?? null,
      })),
      taxonomy,
      knownSkills,
    };
  }

  private requestedTopic(slug: string, taxonomy: TaxonomyTopic[]): RecommendedTopic {
    const topic = taxonomy.find((entry) => entry.slug === slug);
    if (!topic)
      throw new AppError('VALIDATION_FAILED', `unknown topic "${slug}"`, { field: 'topic' });
    return { topic: slug, topicName: topic.name, reason: 'the topic you asked for' };
  }
}

/** The reason a task names, when it comes from the roadmap's recommendations. */
function toRecommended(item: RecommendationResponse): RecommendedTopic {
  return { topic: item.topic, topicName: item.topicName, reason: item.reason };
}

/** A task needs a candidate: the 404 that says why there is none. */
export function requireCandidates(
  context: TaskContext,
): asserts context is TaskContext & { step: SearchStep } {
  if (context.step && context.candidates.length > 0) return;
  if (context.recommendations.length === 0)
    throw new AppError(
      'NOT_FOUND',
      `every topic of roadmap "${context.roadmapId}" is complete: nothing left to recommend`,
    );
  throw new AppError(
    'NOT_FOUND',
    `the catalog has no problem you have not solved on ${context.recommendations
      .map((topic) => topic.topic)
      .join(', ')} at your level (${context.level.roundedLevel})`,
  );
}
