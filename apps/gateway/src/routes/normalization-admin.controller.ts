import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AddTagAliasRequest,
  CreateTopicRequest,
  type NormalizationFailureResponse,
  type Page,
  PageQuery,
  type PossibleDuplicateResponse,
  ProblemResponse,
  ResolveFailureRequest,
  ResolveFailureResponse,
  RPC_PATTERNS,
  type RpcCaller,
  TagAliasResponse,
  TopicResponse,
  type UnmappedTagResponse,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller, Roles } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';

const page = (query: PageQuery) => ({ limit: query.limit, cursor: query.cursor });

@ApiTags('admin: normalization')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class NormalizationAdminController {
  constructor(private readonly upstream: Upstream) {}

  @Get('normalization/failures')
  @ApiOkResponse({ description: '{ items: NormalizationFailure[], nextCursor }' })
  @ApiErrors(400, 401, 403)
  failures(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<NormalizationFailureResponse>> {
    return this.upstream.call(RPC_PATTERNS.failuresList, page(query), caller);
  }

  /** Maps the failed platform problem to a canonical problem (or a new one); its held submissions count then. */
  @Post('normalization/failures/:id/resolve')
  @ApiCreatedResponse({ type: ResolveFailureResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  resolve(
    @Param('id') id: string,
    @Body() body: ResolveFailureRequest,
    @Caller() caller: RpcCaller,
  ): Promise<ResolveFailureResponse> {
    return this.upstream.call(RPC_PATTERNS.failuresResolve, { ...body, failureId: id }, caller);
  }

  @Get('normalization/possible-duplicates')
  @ApiOkResponse({ description: '{ items: PossibleDuplicate[], nextCursor }' })
  @ApiErrors(400, 401, 403)
  possibleDuplicates(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<PossibleDuplicateResponse>> {
    return this.upstream.call(RPC_PATTERNS.possibleDuplicates, page(query), caller);
  }

  @Get('tags/unmapped')
  @ApiOkResponse({ description: '{ items: UnmappedTag[], nextCursor }, most frequent first' })
  @ApiErrors(400, 401, 403)
  unmappedTags(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<UnmappedTagResponse>> {
    return this.upstream.call(RPC_PATTERNS.unmappedTags, page(query), caller);
  }

  @Get('problems/flagged')
  @ApiOkResponse({ description: '{ items: Problem[], nextCursor }' })
  @ApiErrors(400, 401, 403)
  flagged(@Query() query: PageQuery, @Caller() caller: RpcCaller): Promise<Page<ProblemResponse>> {
    return this.upstream.call(RPC_PATTERNS.problemsFlagged, page(query), caller);
  }

  /** Problems only user imports vouch for (shown to those users alone until confirmed). */
  @Get('problems/unconfirmed')
  @ApiOkResponse({ description: '{ items: Problem[], nextCursor }' })
  @ApiErrors(400, 401, 403)
  unconfirmed(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<ProblemResponse>> {
    return this.upstream.call(RPC_PATTERNS.problemsUnconfirmed, page(query), caller);
  }

  /** Confirms a problem and its platform problems: every user sees them from now on. */
  @Post('problems/:id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: ProblemResponse })
  @ApiErrors(400, 401, 403, 404)
  confirm(
    @Param('id', UuidParamPipe) id: string,
    @Caller() caller: RpcCaller,
  ): Promise<ProblemResponse> {
    return this.upstream.call(RPC_PATTERNS.problemsConfirm, { problemId: id }, caller);
  }

  @Post('topics')
  @ApiCreatedResponse({ type: TopicResponse })
  @ApiErrors(400, 401, 403, 409)
  createTopic(
    @Body() body: CreateTopicRequest,
    @Caller() caller: RpcCaller,
  ): Promise<TopicResponse> {
    return this.upstream.call(RPC_PATTERNS.topicsCreate, body, caller);
  }

  /** Maps a platform tag to a topic (for problems normalized from now on). */
  @Post('topics/:slug/aliases')
  @ApiCreatedResponse({ type: TagAliasResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  addAlias(
    @Param('slug') slug: string,
    @Body() body: AddTagAliasRequest,
    @Caller() caller: RpcCaller,
  ): Promise<TagAliasResponse> {
    return this.upstream.call(RPC_PATTERNS.topicsAddAlias, { ...body, topic: slug }, caller);
  }
}
