import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateGoalRequest,
  GoalListResponse,
  GoalResponse,
  ReadinessResponse,
  RPC_PATTERNS,
  type RpcCaller,
  StreakResponse,
  UpdateGoalRequest,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';

/** Roadmaps a learner may own or follow that readiness reads, at most (pages of 100). */
const READINESS_ROADMAP_PAGES = 5;

/** My weekly goals, daily streak and readiness (docs/product.md#goals-and-streaks). */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class EngageController {
  constructor(private readonly upstream: Upstream) {}

  /** My weekly goals, each with this week's progress (weeks start Monday, my time zone). */
  @Get('goals')
  @ApiOkResponse({ type: GoalListResponse })
  @ApiErrors(401)
  goals(@Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.goalsList, {}, caller);
  }

  @Post('goals')
  @ApiCreatedResponse({ type: GoalResponse })
  @ApiErrors(400, 401, 409)
  createGoal(@Body() body: CreateGoalRequest, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.goalsCreate, body, caller);
  }

  /** Changes a goal's target. */
  @Patch('goals/:goalId')
  @ApiOkResponse({ type: GoalResponse })
  @ApiErrors(400, 401, 404)
  updateGoal(
    @Param('goalId', UuidParamPipe) goalId: string,
    @Body() body: UpdateGoalRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(RPC_PATTERNS.goalsUpdate, { goalId, target: body.target }, caller);
  }

  @Delete('goals/:goalId')
  @ApiOkResponse({ description: '{ deleted: 1 }' })
  @ApiErrors(400, 401, 404)
  deleteGoal(@Param('goalId', UuidParamPipe) goalId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.goalsDelete, { goalId }, caller);
  }

  /** Current and longest streak, freezes left this month, whether today counted, the last 14 days. */
  @Get('streak')
  @ApiOkResponse({ type: StreakResponse })
  @ApiErrors(401)
  streak(@Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.streakGet, {}, caller);
  }

  /**
   * Readiness 0–100 with every input: the PCI of my roadmaps (asked from roadmap here), and
   * retention and revision debt of my cards (aggregation computes the score).
   */
  @Get('readiness')
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiErrors(401)
  async readiness(@Caller() caller: RpcCaller) {
    const roadmaps: Array<{ roadmapId: string; pciScore: number }> = [];
    let cursor: string | undefined;
    for (let page = 0; page < READINESS_ROADMAP_PAGES; page += 1) {
      const pci = await this.upstream.call(
        RPC_PATTERNS.roadmapsAllPci,
        { limit: 100, cursor },
        caller,
      );
      roadmaps.push(
        ...pci.items.map((item) => ({ roadmapId: item.roadmapId, pciScore: item.pciScore })),
      );
      if (!pci.nextCursor) break;
      cursor = pci.nextCursor;
    }
    return this.upstream.call(RPC_PATTERNS.readinessGet, { roadmaps }, caller);
  }
}
