import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  LearningPositionResponse,
  AddRoadmapTopicsRequest,
  CreateRoadmapRequest,
  PageQuery,
  PciQuery,
  PciResponse,
  RecommendationResponse,
  RecommendationsQuery,
  RoadmapResponse,
  RPC_PATTERNS,
  type RpcCaller,
  TimeEstimateQuery,
  TimeEstimateResponse,
  TopicOnRoadmapProgressResponse,
  UpdateRoadmapTopicRequest,
} from '@prepmate/contracts';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';
import { ApiPageResponse } from '../docs/api-page';

@ApiTags('roadmaps')
@ApiBearerAuth()
@Controller('roadmaps')
export class RoadmapsController {
  constructor(private readonly upstream: Upstream) {}

  /** Official roadmaps and mine, by id, a page at a time. */
  @Get()
  @ApiPageResponse(RoadmapResponse)
  @ApiErrors(400, 401)
  list(@Query() query: PageQuery, @Caller() caller: RpcCaller) {
    return this.upstream.call(
      RPC_PATTERNS.roadmapsList,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  /** PCI of every roadmap I own or follow, by roadmap id, a page at a time (declared before `:id`). */
  @Get('pci')
  @ApiPageResponse(PciResponse)
  @ApiErrors(400, 401)
  allPci(@Query() query: PageQuery, @Caller() caller: RpcCaller) {
    return this.upstream.call(
      RPC_PATTERNS.roadmapsAllPci,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  @Post('custom')
  @ApiCreatedResponse({ type: RoadmapResponse, description: 'with `warnings[]` (§5)' })
  @ApiErrors(400, 401)
  create(@Body() body: CreateRoadmapRequest, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.roadmapsCreate, body, caller);
  }

  @Post('custom/:roadmapId/topics')
  @HttpCode(200)
  @ApiOkResponse({ type: RoadmapResponse })
  @ApiErrors(400, 401, 404, 409)
  addTopics(
    @Param('roadmapId') roadmapId: string,
    @Body() body: AddRoadmapTopicsRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(
      RPC_PATTERNS.roadmapsAddTopics,
      { roadmapId, topics: body.topics },
      caller,
    );
  }

  @Put('custom/:roadmapId/topics/:topic')
  @ApiOkResponse({ type: RoadmapResponse })
  @ApiErrors(400, 401, 404, 409)
  updateTopic(
    @Param('roadmapId') roadmapId: string,
    @Param('topic') topic: string,
    @Body() body: UpdateRoadmapTopicRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(
      RPC_PATTERNS.roadmapsUpdateTopic,
      { ...body, roadmapId, topic },
      caller,
    );
  }

  @Delete('custom/:roadmapId/topics/:topic')
  @ApiOkResponse({ type: RoadmapResponse })
  @ApiErrors(400, 401, 404, 409)
  removeTopic(
    @Param('roadmapId') roadmapId: string,
    @Param('topic') topic: string,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(RPC_PATTERNS.roadmapsRemoveTopic, { roadmapId, topic }, caller);
  }

  @Get(':id')
  @ApiOkResponse({ type: RoadmapResponse })
  @ApiErrors(401, 404)
  get(@Param('id') roadmapId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.roadmapsGet, { roadmapId }, caller);
  }

  /** PCI now (a `masteryThreshold` makes it a what-if that is not stored). */
  @Get(':id/pci')
  @ApiOkResponse({ type: PciResponse })
  @ApiErrors(400, 401, 404)
  pci(@Param('id') roadmapId: string, @Query() query: PciQuery, @Caller() caller: RpcCaller) {
    return this.upstream.call(
      RPC_PATTERNS.roadmapsPci,
      { roadmapId, masteryThreshold: query.masteryThreshold },
      caller,
    );
  }

  /** Stored progress (recomputed when older than an hour). */
  @Get(':id/progress')
  @ApiOkResponse({ type: PciResponse })
  @ApiErrors(401, 404)
  progress(@Param('id') roadmapId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.roadmapsProgress, { roadmapId }, caller);
  }

  @Get(':id/topics/:topic/progress')
  @ApiOkResponse({ type: TopicOnRoadmapProgressResponse })
  @ApiErrors(401, 404)
  topicProgress(
    @Param('id') roadmapId: string,
    @Param('topic') topic: string,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(RPC_PATTERNS.roadmapsTopicProgress, { roadmapId, topic }, caller);
  }

  @Get(':id/time-estimate')
  @ApiOkResponse({ type: TimeEstimateResponse })
  @ApiErrors(400, 401, 404)
  timeEstimate(
    @Param('id') roadmapId: string,
    @Query() query: TimeEstimateQuery,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(
      RPC_PATTERNS.roadmapsTimeEstimate,
      { roadmapId, hoursPerDay: query.hoursPerDay },
      caller,
    );
  }

  /**
   * Where I stand on the roadmap: current layer, topics done, topics unlocked next (each with
   * a suggested task to post to /tasks) and topics still locked.
   */
  @Get(':id/position')
  @ApiOkResponse({ type: LearningPositionResponse })
  @ApiErrors(400, 401, 404)
  position(@Param('id') roadmapId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.roadmapsPosition, { roadmapId }, caller);
  }

  @Get(':id/recommendations')
  @ApiPageResponse(RecommendationResponse, { cursor: false })
  @ApiErrors(400, 401, 404)
  recommendations(
    @Param('id') roadmapId: string,
    @Query() query: RecommendationsQuery,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(
      RPC_PATTERNS.roadmapsRecommendations,
      { roadmapId, limit: query.limit },
      caller,
    );
  }

  @Post(':id/follow')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ roadmapId, following: true }' })
  @ApiErrors(401, 404)
  follow(@Param('id') roadmapId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.roadmapsFollow, { roadmapId }, caller);
  }

  @Delete(':id/follow')
  @ApiOkResponse({ description: '{ roadmapId, following: false }' })
  @ApiErrors(401, 404)
  unfollow(@Param('id') roadmapId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.roadmapsUnfollow, { roadmapId }, caller);
  }
}
