import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type ExtractSkillsRpcData,
  type GenerateTaskRpcData,
  type InferencesRpcData,
  type ReflectRpcData,
  RPC_PATTERNS,
  type RpcCaller,
  type RpcRequest,
  type TaskIdRpcData,
} from '@prepmate/contracts';
import { requireAdmin, requireCaller, RpcHandler, UserTombstones } from '@prepmate/messaging';
import { AppError } from '@prepmate/platform';
import { AdviceService } from './advice/advice.service';
import { InferenceLogStore } from './inference/inference-log.store';
import { ReflectionsService } from './operations/reflections.service';
import { SkillsService } from './operations/skills.service';
import { TasksService } from './operations/tasks.service';
import { ReflectionDraftStore } from './reflections/reflection-draft.store';

/** Advisory's RPCs (bodies were validated by the gateway): check the caller, call the service. */
@Controller()
export class AdvisoryRpcController {
  constructor(
    private readonly tombstones: UserTombstones,
    private readonly tasks: TasksService,
    private readonly reflections: ReflectionsService,
    private readonly skills: SkillsService,
    private readonly advice: AdviceService,
    private readonly logs: InferenceLogStore,
    private readonly drafts: ReflectionDraftStore,
  ) {}

  @RpcHandler(RPC_PATTERNS.advisoryReflectionDraft)
  async reflectionDraft(@Payload() request: RpcRequest<TaskIdRpcData>) {
    const caller = await this.activeCaller(request);
    const draft = await this.drafts.of(caller.userId, request.data.taskId);
    if (!draft) throw new AppError('NOT_FOUND', 'no reflection draft for this task yet');
    return draft;
  }

  @RpcHandler(RPC_PATTERNS.advisoryGenerateTask)
  async generateTask(@Payload() request: RpcRequest<GenerateTaskRpcData>) {
    return this.tasks.generate(await this.activeCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.advisoryReflect)
  async reflect(@Payload() request: RpcRequest<ReflectRpcData>) {
    return this.reflections.reflect(await this.activeCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.advisoryExtractSkills)
  async extractSkills(@Payload() request: RpcRequest<ExtractSkillsRpcData>) {
    return this.skills.extract(await this.activeCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.advisoryAdvice)
  async latestAdvice(@Payload() request: RpcRequest) {
    return this.advice.latest(await this.activeCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.advisoryInferences)
  inferences(@Payload() request: RpcRequest<InferencesRpcData>) {
    requireAdmin(request);
    return this.logs.list(request.data.limit, request.data.cursor);
  }

  /** The request's caller, unless their account was deleted (a token outlives it by minutes). */
  private async activeCaller(request: RpcRequest): Promise<RpcCaller> {
    const caller = requireCaller(request);
    await this.tombstones.assertActive(caller.userId);
    return caller;
  }
}
