import { Injectable } from '@nestjs/common';
import type {
  Page,
  PageRpcData,
  CreateRoadmapRequest,
  RoadmapResponse,
  RoadmapTopicInput,
  RpcCaller,
  UpdateRoadmapTopicRequest,
} from '@prepmate/contracts';
import { TopicCatalog } from '@prepmate/messaging';
import { AppError } from '@prepmate/platform';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_COMPLETION_THRESHOLD, type RoadmapTopic } from '../domain/roadmap-topic';
import { changeTopic } from '../domain/topic-change';
import { checkRoadmap } from '../domain/validation';
import { ProgressService } from '../progress/progress.service';
import { RoadmapConfig } from '../roadmap.config';
import { RoadmapAccess } from './roadmap-access';
import type { RoadmapDocument } from './roadmap.schema';
import { RoadmapStore } from './roadmap.store';

function toTopic(input: RoadmapTopicInput, index: number): RoadmapTopic {
  return {
    topic: input.topic,
    weight: input.weight,
    layer: input.layer,
    priority: input.priority ?? index + 1,
    completionThreshold: input.completionThreshold ?? null,
    dependencies: [...new Set(input.dependencies ?? [])],
    estimatedHours: input.estimatedHours ?? null,
  };
}

/** Official and custom roadmaps: reads, edits (validated, then progress recomputed at once), follows. */
@Injectable()
export class RoadmapsService {
  constructor(
    private readonly store: RoadmapStore,
    private readonly catalog: TopicCatalog,
    private readonly progress: ProgressService,
    private readonly config: RoadmapConfig,
    private readonly access: RoadmapAccess,
  ) {}

  /** Official roadmaps and the caller's own, a page at a time (by id). */
  async list(caller: RpcCaller, page: PageRpcData): Promise<Page<RoadmapResponse>> {
    const [roadmaps, followed] = await Promise.all([
      this.store.visiblePage(caller.userId, page),
      this.store.followedIds(caller.userId),
    ]);
    const following = new Set(followed);
    const items = roadmaps.items.map((roadmap) =>
      this.summary(
        roadmap,
        following.has(roadmap._id),
        checkRoadmap(roadmap.topics, new Set(roadmap.topics.map((t) => t.topic))).warnings,
      ),
    );
    return { items, nextCursor: roadmaps.nextCursor };
  }

  async get(caller: RpcCaller, roadmapId: string): Promise<RoadmapResponse> {
    const roadmap = await this.access.visible(caller, roadmapId);
    const followed = new Set(await this.store.followedIds(caller.userId));
    return this.view(roadmap, followed.has(roadmap._id), await this.warnings(roadmap.topics));
  }

  async create(caller: RpcCaller, request: CreateRoadmapRequest) {
    const topics = request.topics.map(toTopic);
    const warnings = await this.validate(topics);
    const now = new Date();
    const id = uuidv7();
    const max = this.config.CUSTOM_ROADMAPS_PER_USER;
    if (!(await this.store.claimSlot(caller.userId, id, max)))
      throw AppError.because('ROADMAP_QUOTA', `a user may create at most ${max} custom roadmaps`);
    const roadmap: RoadmapDocument = {
      _id: id,
      name: request.name,
      description: request.description ?? null,
      targetRole: request.targetRole ?? null,
      official: false,
      createdBy: caller.userId,
      topics,
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.insert(roadmap);
    await this.progress.recompute(caller.userId, roadmap);
    return { ...(await this.view(roadmap, false, warnings)), id: roadmap._id };
  }

  async addTopics(caller: RpcCaller, roadmapId: string, inputs: RoadmapTopicInput[]) {
    const roadmap = await this.access.editable(caller, roadmapId);
    const topics = [
      ...roadmap.topics,
      ...inputs.map((input, index) => toTopic(input, roadmap.topics.length + index)),
    ];
    return this.save(roadmap, topics);
  }

  async updateTopic(
    caller: RpcCaller,
    roadmapId: string,
    slug: string,
    change: UpdateRoadmapTopicRequest,
  ) {
    const roadmap = await this.access.editable(caller, roadmapId);
    const topics = changeTopic(roadmap.topics, slug, change);
    if (!topics) throw new AppError('NOT_FOUND', `"${slug}" is not on the roadmap`);
    return this.save(roadmap, topics);
  }

  async removeTopic(caller: RpcCaller, roadmapId: string, slug: string) {
    const roadmap = await this.access.editable(caller, roadmapId);
    if (!roadmap.topics.some((t) => t.topic === slug))
      throw new AppError('NOT_FOUND', `"${slug}" is not on the roadmap`);
    return this.save(
      roadmap,
      roadmap.topics.filter((t) => t.topic !== slug),
    );
  }

  async follow(caller: RpcCaller, roadmapId: string) {
    const roadmap = await this.access.visible(caller, roadmapId);
    await this.store.follow(caller.userId, roadmapId);
    await this.progress.recompute(caller.userId, roadmap);
    return { roadmapId, following: true };
  }

  async unfollow(caller: RpcCaller, roadmapId: string) {
    await this.access.visible(caller, roadmapId);
    await this.store.unfollow(caller.userId, roadmapId);
    return { roadmapId, following: false };
  }

  /** Validates the edited roadmap, stores it, and recomputes its owner's PCI at once. */
  private async save(roadmap: RoadmapDocument, topics: RoadmapTopic[]) {
    const warnings = await this.validate(topics);
    const saved = await this.store.replaceTopics(roadmap, topics);
    if (saved.createdBy) await this.progress.recompute(saved.createdBy, saved);
    return this.view(saved, false, warnings);
  }

  /** Errors → 400 with every problem in `details`; warnings are returned with the roadmap. */
  private async validate(topics: RoadmapTopic[]): Promise<string[]> {
    const known = await this.catalog.get(topics.flatMap((t) => [t.topic, ...t.dependencies]));
    const { errors, warnings } = checkRoadmap(topics, new Set(known.keys()));
    if (errors.length > 0) throw AppError.validation(errors);
    return warnings;
  }

  private async warnings(topics: RoadmapTopic[]): Promise<string[]> {
    return checkRoadmap(topics, new Set(topics.map((t) => t.topic))).warnings;
  }

  private summary(
    roadmap: RoadmapDocument,
    following: boolean,
    warnings: string[],
  ): RoadmapResponse {
    return {
      id: roadmap._id,
      name: roadmap.name,
      description: roadmap.description,
      targetRole: roadmap.targetRole,
      official: roadmap.official,
      createdBy: roadmap.createdBy,
      topicCount: roadmap.topics.length,
      following,
      warnings,
      updatedAt: new Date(roadmap.updatedAt).toISOString(),
    };
  }

  private async view(
    roadmap: RoadmapDocument,
    following: boolean,
    warnings: string[],
  ): Promise<RoadmapResponse> {
    const topics = await this.catalog
      .get(roadmap.topics.map((t) => t.topic))
      .catch(() => new Map());
    const total = roadmap.topics.reduce((sum, t) => sum + t.weight, 0);
    return {
      ...this.summary(roadmap, following, warnings),
      topics: roadmap.topics.map((t) => ({
        topic: t.topic,
        topicName: topics.get(t.topic)?.name ?? t.topic,
        weight: t.weight,
        normalizedWeight: total === 0 ? 0 : t.weight / total,
        layer: t.layer,
        priority: t.priority,
        completionThreshold: t.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD,
        dependencies: t.dependencies,
        estimatedHours: t.estimatedHours ?? topics.get(t.topic)?.estimatedHours ?? 0,
      })),
    };
  }
}
