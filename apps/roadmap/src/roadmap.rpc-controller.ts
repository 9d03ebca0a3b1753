import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type AddRoadmapTopicsRpcData,
  type AllPciRpcData,
  type CreateRoadmapRpcData,
  type PciRpcData,
  type RecommendationsRpcData,
  type RoadmapIdRpcData,
  type RoadmapTopicRpcData,
  RPC_PATTERNS,
  type PageRpcData,
  type RpcRequest,
  type TimeEstimateRpcData,
  type UpdateRoadmapTopicRpcData,
} from '@prepmate/contracts';
import { readableSubject, requireCaller, RpcHandler } from '@prepmate/messaging';
import { PositionService } from './position/position.service';
import { ProgressService } from './progress/progress.service';
import { RoadmapsService } from './roadmaps/roadmaps.service';

/** Roadmap's RPCs: unpack, check access through RoadmapsService, call the service. */
@Controller()
export class RoadmapRpcController {
  constructor(
    private readonly roadmaps: RoadmapsService,
    private readonly progress: ProgressService,
    private readonly positions: PositionService,
  ) {}

  @RpcHandler(RPC_PATTERNS.roadmapsList)
  list(@Payload() request: RpcRequest<PageRpcData>) {
    return this.roadmaps.list(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsGet)
  get(@Payload() request: RpcRequest<RoadmapIdRpcData>) {
    return this.roadmaps.get(requireCaller(request), request.data.roadmapId);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsCreate)
  create(@Payload() request: RpcRequest<CreateRoadmapRpcData>) {
    return this.roadmaps.create(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsAddTopics)
  addTopics(@Payload() request: RpcRequest<AddRoadmapTopicsRpcData>) {
    return this.roadmaps.addTopics(
      requireCaller(request),
      request.data.roadmapId,
      request.data.topics,
    );
  }

  @RpcHandler(RPC_PATTERNS.roadmapsUpdateTopic)
  updateTopic(@Payload() request: RpcRequest<UpdateRoadmapTopicRpcData>) {
    const { roadmapId, topic, ...change } = request.data;
    return this.roadmaps.updateTopic(requireCaller(request), roadmapId, topic, change);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsRemoveTopic)
  removeTopic(@Payload() request: RpcRequest<RoadmapTopicRpcData>) {
    return this.roadmaps.removeTopic(
      requireCaller(request),
      request.data.roadmapId,
      request.data.topic,
    );
  }

  @RpcHandler(RPC_PATTERNS.roadmapsFollow)
  follow(@Payload() request: RpcRequest<RoadmapIdRpcData>) {
    return this.roadmaps.follow(requireCaller(request), request.data.roadmapId);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsUnfollow)
  unfollow(@Payload() request: RpcRequest<RoadmapIdRpcData>) {
    return this.roadmaps.unfollow(requireCaller(request), request.data.roadmapId);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsPci)
  async pci(@Payload() request: RpcRequest<PciRpcData>) {
    const caller = requireCaller(request);
    const roadmap = await this.roadmaps.visible(caller, request.data.roadmapId);
    return this.progress.pci(caller.userId, roadmap, request.data.masteryThreshold);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsProgress)
  async progressOf(@Payload() request: RpcRequest<RoadmapIdRpcData>) {
    const caller = requireCaller(request);
    return this.progress.progress(
      caller.userId,
      await this.roadmaps.visible(caller, request.data.roadmapId),
    );
  }

  @RpcHandler(RPC_PATTERNS.roadmapsTopicProgress)
  async topicProgress(@Payload() request: RpcRequest<RoadmapTopicRpcData>) {
    const caller = requireCaller(request);
    const roadmap = await this.roadmaps.visible(caller, request.data.roadmapId);
    return this.progress.topicProgress(caller.userId, roadmap, request.data.topic);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsTimeEstimate)
  async timeEstimate(@Payload() request: RpcRequest<TimeEstimateRpcData>) {
    const caller = requireCaller(request);
    const roadmap = await this.roadmaps.visible(caller, request.data.roadmapId);
    return this.progress.timeEstimate(caller.userId, roadmap, request.data.hoursPerDay);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsRecommendations)
  async recommendations(@Payload() request: RpcRequest<RecommendationsRpcData>) {
    const caller = requireCaller(request);
    const roadmap = await this.roadmaps.visible(caller, request.data.roadmapId);
    return this.progress.recommendations(caller.userId, roadmap, request.data.limit);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsPosition)
  async position(@Payload() request: RpcRequest<RoadmapIdRpcData>) {
    const caller = requireCaller(request);
    return this.positions.position(
      caller,
      await this.roadmaps.visible(caller, request.data.roadmapId),
    );
  }

  @RpcHandler(RPC_PATTERNS.roadmapsAllPci)
  all(@Payload() request: RpcRequest<AllPciRpcData>) {
    const { userId, limit, cursor } = request.data;
    return this.progress.all(readableSubject(requireCaller(request), userId), { limit, cursor });
  }
}
