import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type ExtractSkillsRpcData,
  type GenerateTaskRpcData,
  type InferencesRpcData,
  type ReflectRpcData,
  RPC_PATTERNS,
  type RpcRequest,
} from '@prepmate/contracts';
import { requireAdmin } from '@prepmate/messaging';
import { AdviceService } from './advice/advice.service';
import { InferenceLogStore } from './inference/inference-log.store';
import { ReflectionsService } from './operations/reflections.service';
import { SkillsService } from './operations/skills.service';
import { TasksService } from './operations/tasks.service';
import { DeletedUsers } from './users/deleted-users';

/** Advisory's RPCs (bodies were validated by the gateway): check the caller, call the service. */
@Controller()
export class AdvisoryRpcController {
  constructor(
    private readonly users: DeletedUsers,
    private readonly tasks: TasksService,
    private readonly reflections: ReflectionsService,
    private readonly skills: SkillsService,
    private readonly advice: AdviceService,
    private readonly logs: InferenceLogStore,
  ) {}

  @MessagePattern(RPC_PATTERNS.advisoryGenerateTask)
  async generateTask(@Payload() request: RpcRequest<GenerateTaskRpcData>) {
    return this.tasks.generate(await this.users.activeCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.advisoryReflect)
  async reflect(@Payload() request: RpcRequest<ReflectRpcData>) {
    return this.reflections.reflect(await this.users.activeCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.advisoryExtractSkills)
  async extractSkills(@Payload() request: RpcRequest<ExtractSkillsRpcData>) {
    return this.skills.extract(await this.users.activeCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.advisoryAdvice)
  async latestAdvice(@Payload() request: RpcRequest) {
    return this.advice.latest(await this.users.activeCaller(request));
  }

  @MessagePattern(RPC_PATTERNS.advisoryInferences)
  inferences(@Payload() request: RpcRequest<InferencesRpcData>) {
    requireAdmin(request);
    return this.logs.list(request.data.limit, request.data.cursor);
  }
}
