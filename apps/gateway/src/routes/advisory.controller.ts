import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type RoutedRpc,
  type RpcData,
  AdviceResponse,
  ExtractSkillsRequest,
  ExtractSkillsResponse,
  GenerateTaskRequest,
  GenerateTaskResponse,
  ReflectionRequest,
  ReflectionResponse,
  RPC_PATTERNS,
  type RpcCaller,
} from '@prepmate/contracts';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { GatewayConfig } from '../gateway.config';
import { Upstream } from '../upstream/upstream.service';

/**
 * AI advice (10 requests/min per user, on top of the user's 100). A model call may take up
 * to its timeout twice (an answer and one retry), so these RPCs wait ADVISORY_RPC_TIMEOUT_MS.
 */
@ApiTags('advisory')
@ApiBearerAuth()
@Controller('advisory')
export class AdvisoryController {
  constructor(
    private readonly upstream: Upstream,
    private readonly config: GatewayConfig,
  ) {}

  /** Advisory may wait on a model: its own, longer timeout. */
  private call<N extends RoutedRpc>(pattern: N, data: RpcData<N>, caller: RpcCaller) {
    return this.upstream.call(pattern, data, caller, this.config.ADVISORY_RPC_TIMEOUT_MS);
  }

  /** My next task: a real problem I have not solved, on my roadmap's top recommended topic, at my level. */
  @Post('tasks/generate')
  @HttpCode(200)
  @ApiOkResponse({ type: GenerateTaskResponse })
  @ApiErrors(400, 401, 404)
  generateTask(
    @Body() body: GenerateTaskRequest,
    @Caller() caller: RpcCaller,
  ): Promise<GenerateTaskResponse> {
    return this.call(RPC_PATTERNS.advisoryGenerateTask, body, caller);
  }

  /** A draft reflection on a verified task (nothing is published or stored as progress). */
  @Post('reflections')
  @HttpCode(200)
  @ApiOkResponse({ type: ReflectionResponse })
  @ApiErrors(400, 401, 404)
  reflect(
    @Body() body: ReflectionRequest,
    @Caller() caller: RpcCaller,
  ): Promise<ReflectionResponse> {
    return this.call(RPC_PATTERNS.advisoryReflect, body, caller);
  }

  /** Taxonomy slugs a text shows. */
  @Post('skills/extract')
  @HttpCode(200)
  @ApiOkResponse({ type: ExtractSkillsResponse })
  @ApiErrors(400, 401)
  extractSkills(
    @Body() body: ExtractSkillsRequest,
    @Caller() caller: RpcCaller,
  ): Promise<ExtractSkillsResponse> {
    return this.call(RPC_PATTERNS.advisoryExtractSkills, body, caller);
  }

  /** My latest next-step advice (refreshed after my PCI changes). */
  @Get('advice')
  @ApiOkResponse({ type: AdviceResponse })
  @ApiErrors(401, 404)
  advice(@Caller() caller: RpcCaller): Promise<AdviceResponse> {
    return this.call(RPC_PATTERNS.advisoryAdvice, {}, caller);
  }
}
