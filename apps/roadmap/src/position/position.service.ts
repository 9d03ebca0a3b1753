import { Injectable } from '@nestjs/common';
import {
  type LearningPositionResponse,
  type PositionTopicResponse,
  type ProblemResponse,
  type ProblemsListRpcData,
  RPC_PATTERNS,
  type RpcCaller,
  type SuggestedTaskResponse,
} from '@prepmate/contracts';
import { RpcClient, TopicCatalog } from '@prepmate/messaging';
import {
  difficultyOrder,
  fittingDifficulty,
  learningPosition,
  suggestTask,
} from '../domain/learning-position';
import { computePci, type TopicProgress } from '../domain/pci';
import { MasteryStore } from '../progress/mastery.store';
import { RoadmapAccess } from '../roadmaps/roadmap-access';

/** Candidates read per unlocked topic (one page of the catalog). */
const CANDIDATES_PER_TOPIC = 100;
/** Unlocked topics that get a suggested task (the first ones in the position's order). */
const SUGGESTIONS = 10;

/**
 * `GET /roadmaps/:id/position` (docs/product.md#learning-path-position): the learner's layer,
 * done / unlocked / locked topics from the mastery projection, and for each unlocked topic an
 * unsolved catalog problem at a fitting difficulty. The solved problems and the catalog are
 * read over RPC as the learner (aggregation's solved problems, normalization's problem list).
 */
@Injectable()
export class PositionService {
  constructor(
    private readonly masteries: MasteryStore,
    private readonly catalog: TopicCatalog,
    private readonly rpc: RpcClient,
    private readonly access: RoadmapAccess,
  ) {}

  async position(caller: RpcCaller, roadmapId: string): Promise<LearningPositionResponse> {
    const roadmap = await this.access.visible(caller, roadmapId);
    const pci = computePci(roadmap.topics, await this.masteries.of(caller.userId));
    const position = learningPosition(roadmap.topics, pci);
    const names = await this.catalog.names(roadmap.topics.map((t) => t.topic));
    const dependencies = new Map(roadmap.topics.map((t) => [t.topic, t.dependencies]));
    const view = (p: TopicProgress): PositionTopicResponse => ({
      topic: p.topic,
      topicName: names.get(p.topic) ?? p.topic,
      layer: p.layer,
      estimatedMastery: p.estimatedMastery,
      threshold: p.threshold,
      dependencies: dependencies.get(p.topic) ?? [],
    });
    const suggested = position.unlocked.slice(0, SUGGESTIONS);
    const solved = suggested.length > 0 ? await this.solved(caller) : new Set<string>();
    const tasks = await Promise.all(
      suggested.map(async (p) => {
        const candidates = await this.candidates(caller, p.topic);
        const order = difficultyOrder(fittingDifficulty(p.estimatedMastery));
        return suggestTask(view(p), candidates, solved, order) as SuggestedTaskResponse | null;
      }),
    );
    return {
      roadmapId: roadmap._id,
      currentLayer: position.currentLayer,
      topicsDone: position.done.map(view),
      unlocked: position.unlocked.map((p, index) => ({
        ...view(p),
        fittingDifficulty: fittingDifficulty(p.estimatedMastery),
        suggestedTask: tasks[index] ?? null,
      })),
      locked: position.locked.map(view),
    };
  }

  private async solved(caller: RpcCaller): Promise<Set<string>> {
    const { items } = await this.rpc.call(RPC_PATTERNS.telemetrySolvedProblems, {}, { caller });
    return new Set(items.map((item) => item.canonicalProblemId));
  }

  private async candidates(caller: RpcCaller, topic: string): Promise<ProblemResponse[]> {
    const page = await this.rpc.call(
      RPC_PATTERNS.problemsList,
      { topic, limit: CANDIDATES_PER_TOPIC } satisfies ProblemsListRpcData,
      { caller },
    );
    return page.items;
  }
}
