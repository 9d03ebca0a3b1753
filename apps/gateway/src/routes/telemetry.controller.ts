import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type Page,
  PageQuery,
  PerformanceQuery,
  PerformanceResponse,
  RevisionResponse,
  RevisionsQuery,
  RPC_PATTERNS,
  type RpcCaller,
  TopicStatsResponse,
  WeakTopicsQuery,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller } from '../auth/access.decorators';
import { MentorScope } from '../auth/mentor-scope';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';
import { ApiPageResponse } from '../docs/api-page';

@ApiTags('telemetry')
@ApiBearerAuth()
@Controller('telemetry')
export class TelemetryController {
  constructor(
    private readonly upstream: Upstream,
    private readonly scope: MentorScope,
  ) {}

  /** My topic stats, highest mastery first. */
  @Get('topic-stats')
  @ApiPageResponse(TopicStatsResponse)
  @ApiErrors(400, 401)
  mine(@Query() query: PageQuery, @Caller() caller: RpcCaller): Promise<Page<TopicStatsResponse>> {
    const { limit, cursor } = query;
    return this.upstream.call(RPC_PATTERNS.telemetryTopicStats, { limit, cursor }, caller);
  }

  /** A user's topic stats: self, admins and the user's own mentors (anyone else gets 403). */
  @Get('topic-stats/:userId')
  @ApiPageResponse(TopicStatsResponse)
  @ApiErrors(400, 401, 403)
  ofUser(
    @Param('userId', UuidParamPipe) userId: string,
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<TopicStatsResponse>> {
    const { limit, cursor } = query;
    return this.scope
      .forReadOf(caller, userId)
      .then((reader) =>
        this.upstream.call(RPC_PATTERNS.telemetryTopicStats, { userId, limit, cursor }, reader),
      );
  }

  /** Topics with at least 3 attempts, weakest first. */
  @Get('weak-topics')
  @ApiPageResponse(TopicStatsResponse, { cursor: false })
  @ApiErrors(400, 401)
  weak(
    @Query() query: WeakTopicsQuery,
    @Caller() caller: RpcCaller,
  ): Promise<{ items: TopicStatsResponse[] }> {
    return this.upstream.call(RPC_PATTERNS.telemetryWeakTopics, { limit: query.limit }, caller);
  }

  /** Daily activity over a period and the change against the previous one. */
  @Get('performance')
  @ApiOkResponse({ type: PerformanceResponse })
  @ApiErrors(400, 401)
  performance(
    @Query() query: PerformanceQuery,
    @Caller() caller: RpcCaller,
  ): Promise<PerformanceResponse> {
    return this.upstream.call(RPC_PATTERNS.telemetryPerformance, { period: query.period }, caller);
  }

  /** Solved problems due for revision (FSRS), most overdue first. */
  @Get('revisions/due')
  @ApiPageResponse(RevisionResponse, { cursor: false })
  @ApiErrors(400, 401)
  revisions(
    @Query() query: RevisionsQuery,
    @Caller() caller: RpcCaller,
  ): Promise<{ items: RevisionResponse[] }> {
    return this.upstream.call(RPC_PATTERNS.telemetryRevisionsDue, { limit: query.limit }, caller);
  }
}
