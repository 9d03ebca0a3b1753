import { Inject, Injectable } from '@nestjs/common';
import type {
  Page,
  PageRpcData,
  PciResponse,
  RecommendationResponse,
  RpcCaller,
  TimeEstimateResponse,
  TopicAggregatedPayload,
  TopicOnRoadmapProgressResponse,
} from '@prepmate/contracts';
import { createEvent, readableSubject, TopicCatalog, withPendingEvents } from '@prepmate/messaging';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { computePci, type PciResult } from '../domain/pci';
import { recommend } from '../domain/recommendations';
import { estimateTime } from '../domain/time-estimate';
import { RoadmapAccess } from '../roadmaps/roadmap-access';
import type { RoadmapDocument } from '../roadmaps/roadmap.schema';
import { RoadmapStore } from '../roadmaps/roadmap.store';
import { MasteryStore } from './mastery.store';
import type { ProgressDocument } from './progress.schema';
import { ProgressStore } from './progress.store';
import { UserLocks } from './user-locks';
import { verifiedOn } from '../domain/verified-tasks';
import { VerifiedTasksStore } from './verified-tasks.store';

/** Stored progress older than this is recomputed before it is read (docs/product.md#roadmaps-and-pci). */
const PROGRESS_MAX_AGE_MS = 3_600_000;

/**
 * PCI and what derives from it. Recomputed and stored (with `pci.recomputed` when the score
 * changed) on every `topic.aggregated` touching a roadmap's topic and on every edit; one user's
 * recomputations run one at a time in a replica.
 */
@Injectable()
export class ProgressService {
  private readonly locks = new UserLocks();
  private readonly log: Logger;

  constructor(
    private readonly store: ProgressStore,
    private readonly masteries: MasteryStore,
    private readonly roadmaps: RoadmapStore,
    private readonly catalog: TopicCatalog,
    private readonly access: RoadmapAccess,
    private readonly verifiedTasks: VerifiedTasksStore,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'progress' });
  }

  /** `topic.aggregated`: project the masteries, then recompute the user's affected roadmaps. */
  async onTopicAggregated(payload: TopicAggregatedPayload): Promise<void> {
    await this.masteries.apply(payload);
    const changed = new Set(payload.topics.map((topic) => topic.topic));
    const roadmaps = await this.roadmaps.ofUser(payload.userId);
    for (const roadmap of roadmaps)
      if (roadmap.topics.some((t) => changed.has(t.topic)))
        await this.recompute(payload.userId, roadmap);
  }

  /** Computes, stores and (when the score changed) announces the user's PCI on a roadmap. */
  recompute(userId: string, roadmap: RoadmapDocument): Promise<ProgressDocument> {
    return this.locks.run(userId, async () => {
      const { masteries, version: masteryVersion } = await this.masteries.snapshot(userId);
      const result = computePci(roadmap.topics, masteries);
      const _id = `${userId}:${roadmap._id}`;
      const previous = await this.store.get(_id);
      const lastUpdated = new Date();
      const update = {
        $set: {
          userId,
          roadmapId: roadmap._id,
          roadmapVersion: roadmap.version,
          result,
          lastUpdated,
          masteryVersion,
        },
      };
      const changed = previous?.result.pciScore !== result.pciScore;
      const event = createEvent(
        'pci.recomputed',
        {
          userId,
          roadmapId: roadmap._id,
          pciScore: result.pciScore,
          completionPercentage: result.completionPercentage,
          topicsCompleted: result.topicsCompleted,
          topicsTotal: result.topicsTotal,
          computedAt: lastUpdated.toISOString(),
        },
        'roadmap',
      );
      const stored = await this.store.storeIfNotOlder(
        _id,
        roadmap.version,
        masteryVersion,
        changed ? withPendingEvents(update, event) : update,
      );
      if (!stored) {
        this.log.info(
          { userId, roadmapId: roadmap._id },
          'a newer PCI is stored; this one is dropped',
        );
        const newer = await this.store.get(_id);
        if (newer) return newer;
      }
      if (changed && stored) await this.store.relayPending(_id);
      return {
        _id,
        userId,
        roadmapId: roadmap._id,
        roadmapVersion: roadmap.version,
        result,
        lastUpdated,
      } as ProgressDocument;
    });
  }

  /** Fresh PCI (stored too unless a threshold override makes it a what-if). */
  async pci(caller: RpcCaller, roadmapId: string, masteryThreshold?: number): Promise<PciResponse> {
    const roadmap = await this.access.visible(caller, roadmapId);
    const userId = caller.userId;
    if (masteryThreshold === undefined)
      return this.response(userId, roadmap, await this.recompute(userId, roadmap), null);
    const result = computePci(roadmap.topics, await this.masteries.of(userId), masteryThreshold);
    return this.response(userId, roadmap, { result, lastUpdated: new Date() }, masteryThreshold);
  }

  /** The caller's progress on a roadmap they may see. */
  async progress(caller: RpcCaller, roadmapId: string): Promise<PciResponse> {
    return this.progressOn(caller.userId, await this.access.visible(caller, roadmapId));
  }

  /** Stored progress; recomputed first when missing, older than an hour or behind an edit. */
  private async progressOn(userId: string, roadmap: RoadmapDocument): Promise<PciResponse> {
    const stored = await this.store.get(`${userId}:${roadmap._id}`);
    const fresh =
      stored &&
      stored.roadmapVersion === roadmap.version &&
      Date.now() - new Date(stored.lastUpdated).getTime() <= PROGRESS_MAX_AGE_MS;
    const current = fresh ? stored : await this.recompute(userId, roadmap);
    return this.response(userId, roadmap, current, null);
  }

  async topicProgress(
    caller: RpcCaller,
    roadmapId: string,
    slug: string,
  ): Promise<TopicOnRoadmapProgressResponse> {
    const roadmap = await this.access.visible(caller, roadmapId);
    const userId = caller.userId;
    const topic = roadmap.topics.find((t) => t.topic === slug);
    if (!topic) throw new AppError('NOT_FOUND', `"${slug}" is not on the roadmap`);
    const masteries = await this.masteries.of(userId);
    const result = computePci(roadmap.topics, masteries);
    const progress = result.topicProgresses.find((p) => p.topic === slug)!;
    const completed = new Set(
      result.topicProgresses.filter((p) => p.isCompleted).map((p) => p.topic),
    );
    const [names, verified] = await Promise.all([
      this.catalog.names([slug]),
      this.verifiedTasks.of(userId),
    ]);
    return {
      ...progress,
      verifiedTasks: verifiedOn(verified, [slug]).total,
      topicName: names.get(slug) ?? slug,
      roadmapId: roadmap._id,
      dependencies: topic.dependencies,
      dependenciesCompleted: topic.dependencies.every((d) => completed.has(d)),
      totalAttempts: masteries.get(slug)?.totalAttempts ?? 0,
    };
  }

  async timeEstimate(
    caller: RpcCaller,
    roadmapId: string,
    hoursPerDay: number,
  ): Promise<TimeEstimateResponse> {
    const roadmap = await this.access.visible(caller, roadmapId);
    const result = computePci(roadmap.topics, await this.masteries.of(caller.userId));
    const topics = await this.catalog.get(roadmap.topics.map((t) => t.topic));
    const hours = new Map([...topics].map(([slug, topic]) => [slug, topic.estimatedHours]));
    return estimateTime(roadmap.topics, result, hours, hoursPerDay, Date.now());
  }

  async recommendations(
    caller: RpcCaller,
    roadmapId: string,
    limit: number,
  ): Promise<{ items: RecommendationResponse[] }> {
    const roadmap = await this.access.visible(caller, roadmapId);
    const result = computePci(roadmap.topics, await this.masteries.of(caller.userId));
    const items = recommend(roadmap.topics, result, limit);
    const names = await this.catalog.names(items.map((item) => item.topic));
    return {
      items: items.map((item) => ({ ...item, topicName: names.get(item.topic) ?? item.topic })),
    };
  }

  /**
   * PCI of the roadmaps the user owns or follows, a page at a time (by roadmap id): the
   * caller's own, or a learner's for an admin or their mentor.
   */
  async all(
    caller: RpcCaller,
    subject: string | undefined,
    page: PageRpcData,
  ): Promise<Page<PciResponse>> {
    const userId = readableSubject(caller, subject);
    const roadmaps = await this.roadmaps.ofUserPage(userId, page);
    return {
      items: await Promise.all(roadmaps.items.map((roadmap) => this.progressOn(userId, roadmap))),
      nextCursor: roadmaps.nextCursor,
    };
  }

  private async response(
    userId: string,
    roadmap: RoadmapDocument,
    stored: { result: PciResult; lastUpdated: Date },
    masteryThreshold: number | null,
  ): Promise<PciResponse> {
    const slugs = roadmap.topics.map((t) => t.topic);
    const [names, state] = await Promise.all([
      this.catalog.names(slugs),
      this.verifiedTasks.of(userId),
    ]);
    const verified = verifiedOn(state, slugs);
    return {
      roadmapId: roadmap._id,
      roadmapName: roadmap.name,
      ...stored.result,
      topicProgresses: stored.result.topicProgresses.map((p) => ({
        ...p,
        topicName: names.get(p.topic) ?? p.topic,
        verifiedTasks: verified.byTopic.get(p.topic) ?? 0,
      })),
      verifiedTasks: verified.total,
      masteryThreshold,
      lastUpdated: new Date(stored.lastUpdated).toISOString(),
    };
  }
}
