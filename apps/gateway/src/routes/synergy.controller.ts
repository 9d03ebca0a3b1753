import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  LevelResponse,
  PageQuery,
  RPC_PATTERNS,
  type RpcCaller,
  SynergyPairResponse,
  SynergySuggestionResponse,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { ApiPageResponse } from '../docs/api-page';
import { Upstream } from '../upstream/upstream.service';

/** Learning levels and peer synergy (docs/synergy.md). */
@ApiTags('synergy')
@ApiBearerAuth()
@Controller()
export class SynergyController {
  constructor(private readonly upstream: Upstream) {}

  @Get('me/level')
  @ApiOkResponse({ type: LevelResponse })
  @ApiErrors(401)
  myLevel(@Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.levelOf, { userId: caller.userId }, caller);
  }

  @Get('users/:userId/level')
  @ApiOkResponse({ type: LevelResponse })
  @ApiErrors(400, 401)
  level(@Param('userId', UuidParamPipe) userId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.levelOf, { userId }, caller);
  }

  /** My pairs by score, highest first. */
  @Get('synergy')
  @ApiPageResponse(SynergyPairResponse)
  @ApiErrors(400, 401)
  pairs(@Query() query: PageQuery, @Caller() caller: RpcCaller) {
    return this.upstream.call(
      RPC_PATTERNS.synergyPairs,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  /** Up to 10 learners I have not interacted with, the closest first (declared before `:userId`). */
  @Get('synergy/suggestions')
  @ApiPageResponse(SynergySuggestionResponse, { cursor: false })
  @ApiErrors(401)
  suggestions(@Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.synergySuggestions, {}, caller);
  }

  /** My synergy with one learner and its four components (404 before any interaction). */
  @Get('synergy/:userId')
  @ApiOkResponse({ type: SynergyPairResponse })
  @ApiErrors(400, 401, 404)
  pair(@Param('userId', UuidParamPipe) userId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.synergyPair, { userId }, caller);
  }
}
