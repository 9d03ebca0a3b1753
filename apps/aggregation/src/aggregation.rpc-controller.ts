import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type PerformanceRpcData,
  type ProblemAttemptsResponse,
  type ProblemAttemptsRpcData,
  type RevisionsRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type TopicStatsRpcData,
  type WeakTopicsRpcData,
} from '@prepmate/contracts';
import { requireCaller, RpcHandler } from '@prepmate/messaging';
import { AttemptStore } from './attempts/attempt.store';
import { TelemetryService } from './telemetry/telemetry.service';

/** Aggregation's RPCs (telemetry reads); bodies were validated by the gateway. */
@Controller()
export class AggregationRpcController {
  constructor(
    private readonly telemetry: TelemetryService,
    private readonly attempts: AttemptStore,
  ) {}

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

  /** The caller's attempts of one problem, newest first (roadmap's task verification). */
  @RpcHandler(RPC_PATTERNS.telemetryProblemAttempts)
  async problemAttempts(
    @Payload() request: RpcRequest<ProblemAttemptsRpcData>,
  ): Promise<ProblemAttemptsResponse> {
    const docs = await this.attempts.ofProblem(
      requireCaller(request).userId,
      request.data.canonicalProblemId,
      200,
    );
    return {
      items: docs.map((doc) => ({
        platform: doc.platform,
        platformSubmissionId: doc.platformSubmissionId,
        verdict: doc.verdict,
        submittedAt: new Date(doc.submittedAt).toISOString(),
      })),
    };
  }
}
