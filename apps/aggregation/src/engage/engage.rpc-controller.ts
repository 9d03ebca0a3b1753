import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type CreateGoalRpcData,
  type GoalIdRpcData,
  type ReadinessRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type StreakRpcData,
  type UpdateGoalRpcData,
} from '@prepmate/contracts';
import { readableSubject, requireCaller, RpcHandler } from '@prepmate/messaging';
import { GoalsService } from './goals.service';
import { ProgressViews } from './progress-views';

/** Goals, streak and readiness RPCs: the caller's own; bodies were validated by the gateway. */
@Controller()
export class EngageRpcController {
  constructor(
    private readonly goals: GoalsService,
    private readonly views: ProgressViews,
  ) {}

  @RpcHandler(RPC_PATTERNS.goalsList)
  list(@Payload() request: RpcRequest) {
    return this.goals.list(requireCaller(request).userId);
  }

  @RpcHandler(RPC_PATTERNS.goalsCreate)
  create(@Payload() request: RpcRequest<CreateGoalRpcData>) {
    return this.goals.create(requireCaller(request).userId, request.data);
  }

  @RpcHandler(RPC_PATTERNS.goalsUpdate)
  update(@Payload() request: RpcRequest<UpdateGoalRpcData>) {
    return this.goals.update(requireCaller(request).userId, request.data);
  }

  @RpcHandler(RPC_PATTERNS.goalsDelete)
  delete(@Payload() request: RpcRequest<GoalIdRpcData>) {
    return this.goals.delete(requireCaller(request).userId, request.data.goalId);
  }

  @RpcHandler(RPC_PATTERNS.streakGet)
  streak(@Payload() request: RpcRequest<StreakRpcData>) {
    return this.views.streak(readableSubject(requireCaller(request), request.data?.userId));
  }

  @RpcHandler(RPC_PATTERNS.readinessGet)
  readiness(@Payload() request: RpcRequest<ReadinessRpcData>) {
    return this.views.readiness(requireCaller(request).userId, request.data);
  }
}
