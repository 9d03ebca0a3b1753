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
import { requireCaller, RpcHandler } from '@prepmate/messaging';
import { PositionService } from './position/position.service';
import { ProgressService } from './progress/progress.service';
import { RoadmapsService } from './roadmaps/roadmaps.service';

/** Roadmap's RPCs: unpack and call the service, which checks access (RoadmapAccess). */
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
  pci(@Payload() request: RpcRequest<PciRpcData>) {
    const { roadmapId, masteryThreshold } = request.data;
    return this.progress.pci(requireCaller(request), roadmapId, masteryThreshold);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsProgress)
  progressOf(@Payload() request: RpcRequest<RoadmapIdRpcData>) {
    return this.progress.progress(requireCaller(request), request.data.roadmapId);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsTopicProgress)
  topicProgress(@Payload() request: RpcRequest<RoadmapTopicRpcData>) {
    const { roadmapId, topic } = request.data;
    return this.progress.topicProgress(requireCaller(request), roadmapId, topic);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsTimeEstimate)
  timeEstimate(@Payload() request: RpcRequest<TimeEstimateRpcData>) {
    const { roadmapId, hoursPerDay } = request.data;
    return this.progress.timeEstimate(requireCaller(request), roadmapId, hoursPerDay);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsRecommendations)
  recommendations(@Payload() request: RpcRequest<RecommendationsRpcData>) {
    const { roadmapId, limit } = request.data;
    return this.progress.recommendations(requireCaller(request), roadmapId, limit);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsPosition)
  position(@Payload() request: RpcRequest<RoadmapIdRpcData>) {
    return this.positions.position(requireCaller(request), request.data.roadmapId);
  }

  @RpcHandler(RPC_PATTERNS.roadmapsAllPci)
  all(@Payload() request: RpcRequest<AllPciRpcData>) {
    const { userId, limit, cursor } = request.data;
    return this.progress.all(requireCaller(request), userId, { limit, cursor });
  }
}
