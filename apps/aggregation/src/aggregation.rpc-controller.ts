import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type PerformanceRpcData,
  type RevisionsRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type TopicStatsRpcData,
  type WeakTopicsRpcData,
} from '@prepmate/contracts';
import { requireCaller, RpcHandler } from '@prepmate/messaging';
import { TelemetryService } from './telemetry/telemetry.service';

/** Aggregation's RPCs (telemetry reads); bodies were validated by the gateway. */
@Controller()
export class AggregationRpcController {
  constructor(private readonly telemetry: TelemetryService) {}

  @RpcHandler(RPC_PATTERNS.telemetryTopicStats)
  topicStats(@Payload() request: RpcRequest<TopicStatsRpcData>) {
    const subject = this.telemetry.subjectOf(requireCaller(request), request.data.userId);
    return this.telemetry.topicStats(subject, request.data.limit, request.data.cursor);
  }

  @RpcHandler(RPC_PATTERNS.telemetryWeakTopics)
  weakTopics(@Payload() request: RpcRequest<WeakTopicsRpcData>) {
    const subject = this.telemetry.subjectOf(requireCaller(request), request.data.userId);
    return this.telemetry.weakTopics(subject, request.data.limit);
  }

  @RpcHandler(RPC_PATTERNS.telemetryPerformance)
  performance(@Payload() request: RpcRequest<PerformanceRpcData>) {
    return this.telemetry.performance(requireCaller(request).userId, request.data.period);
  }

  @RpcHandler(RPC_PATTERNS.telemetryRevisionsDue)
  revisionsDue(@Payload() request: RpcRequest<RevisionsRpcData>) {
    return this.telemetry.revisionsDue(requireCaller(request).userId, request.data.limit);
  }

  @RpcHandler(RPC_PATTERNS.telemetrySolvedProblems)
  solvedProblems(@Payload() request: RpcRequest) {
    return this.telemetry.solvedProblems(requireCaller(request).userId);
  }
}
