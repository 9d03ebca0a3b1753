import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreatePostRequest,
  PageQuery,
  PostResponse,
  RPC_PATTERNS,
  type RpcCaller,
  ScratchRequest,
  ScratchResponse,
  UpdatePostRequest,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { ApiPageResponse } from '../docs/api-page';
import { Upstream } from '../upstream/upstream.service';

/** Reflection posts and the scratch feed (docs/synergy.md). */
@ApiTags('synergy')
@ApiBearerAuth()
@Controller()
export class PostsController {
  constructor(private readonly upstream: Upstream) {}

  /** Publishes a reflection (30 per hour). */
  @Post('posts')
  @ApiCreatedResponse({ type: PostResponse })
  @ApiErrors(400, 401)
  create(@Body() body: CreatePostRequest, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.postsCreate, body, caller);
  }

  /** The feed, newest first: own and revealed posts in full, every other one masked. */
  @Get('posts')
  @ApiPageResponse(PostResponse)
  @ApiErrors(400, 401)
  feed(@Query() query: PageQuery, @Caller() caller: RpcCaller) {
    return this.upstream.call(
      RPC_PATTERNS.postsFeed,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  @Get('posts/:postId')
  @ApiOkResponse({ type: PostResponse })
  @ApiErrors(400, 401, 404)
  get(@Param('postId', UuidParamPipe) postId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.postsGet, { postId }, caller);
  }

  /** Edits one's own post (409 when it changed meanwhile). */
  @Patch('posts/:postId')
  @ApiOkResponse({ type: PostResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  update(
    @Param('postId', UuidParamPipe) postId: string,
    @Body() body: UpdatePostRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(RPC_PATTERNS.postsUpdate, { ...body, postId }, caller);
  }

  @Delete('posts/:postId')
  @ApiOkResponse({ description: '{ deleted: true }' })
  @ApiErrors(400, 401, 403, 404)
  remove(@Param('postId', UuidParamPipe) postId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.postsDelete, { postId }, caller);
  }

  /** Logs a scratch of someone else's post (300 per hour); revealed once coverage reached 0.6. */
  @Post('posts/:postId/scratch')
  @HttpCode(200)
  @ApiOkResponse({ type: ScratchResponse })
  @ApiErrors(400, 401, 404)
  scratch(
    @Param('postId', UuidParamPipe) postId: string,
    @Body() body: ScratchRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(
      RPC_PATTERNS.postsScratch,
      { postId, points: body.points, coverage: body.coverage },
      caller,
    );
  }

  @Get('users/:userId/posts')
  @ApiPageResponse(PostResponse)
  @ApiErrors(400, 401)
  ofUser(
    @Param('userId', UuidParamPipe) userId: string,
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(
      RPC_PATTERNS.postsOfUser,
      { userId, limit: query.limit, cursor: query.cursor },
      caller,
    );
  }
}
