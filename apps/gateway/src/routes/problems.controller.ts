import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  BookmarkRequest,
  BookmarkResponse,
  FeedbackRequest,
  FeedbackResponse,
  type Page,
  PageQuery,
  ProblemResponse,
  ProblemsQuery,
  RPC_PATTERNS,
  type RpcCaller,
  TopicResponse,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller, Public } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { Upstream } from '../upstream/upstream.service';
import { ApiPageResponse } from '../docs/api-page';

@ApiTags('problems')
@Controller()
export class ProblemsController {
  constructor(private readonly upstream: Upstream) {}

  /** The topic taxonomy (public). */
  @Get('topics')
  @Public()
  @ApiOkResponse({ type: [TopicResponse] })
  @ApiErrors()
  topics(): Promise<TopicResponse[]> {
    return this.upstream.call(RPC_PATTERNS.topicsList, {});
  }

  /** Canonical problems, filtered by topic and difficulty, searched by title. */
  @Get('problems')
  @ApiBearerAuth()
  @ApiPageResponse(ProblemResponse)
  @ApiErrors(400, 401)
  list(@Query() query: ProblemsQuery, @Caller() caller: RpcCaller): Promise<Page<ProblemResponse>> {
    const { topic, difficulty, q, limit, cursor } = query;
    return this.upstream.call(
      RPC_PATTERNS.problemsList,
      { topic, difficulty, q, limit, cursor },
      caller,
    );
  }

  /** The caller's bookmarks, newest first (declared before `problems/:id`). */
  @Get('problems/bookmarks')
  @ApiBearerAuth()
  @ApiPageResponse(BookmarkResponse)
  @ApiErrors(400, 401)
  bookmarks(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<BookmarkResponse>> {
    return this.upstream.call(
      RPC_PATTERNS.bookmarksList,
      { limit: query.limit, cursor: query.cursor },
      caller,
    );
  }

  @Get('problems/:id')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ProblemResponse })
  @ApiErrors(400, 401, 404)
  get(
    @Param('id', UuidParamPipe) id: string,
    @Caller() caller: RpcCaller,
  ): Promise<ProblemResponse> {
    return this.upstream.call(RPC_PATTERNS.problemsGet, { problemId: id }, caller);
  }

  @Post('problems/:id/bookmark')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: BookmarkResponse })
  @ApiErrors(400, 401, 404)
  bookmark(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: BookmarkRequest,
    @Caller() caller: RpcCaller,
  ): Promise<BookmarkResponse> {
    return this.upstream.call(
      RPC_PATTERNS.bookmarksPut,
      { problemId: id, notes: body.notes },
      caller,
    );
  }

  @Patch('problems/:id/bookmark')
  @ApiBearerAuth()
  @ApiOkResponse({ type: BookmarkResponse })
  @ApiErrors(400, 401, 404)
  updateBookmark(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: BookmarkRequest,
    @Caller() caller: RpcCaller,
  ): Promise<BookmarkResponse> {
    return this.upstream.call(
      RPC_PATTERNS.bookmarksUpdate,
      { problemId: id, notes: body.notes },
      caller,
    );
  }

  @Delete('problems/:id/bookmark')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 404)
  async removeBookmark(
    @Param('id', UuidParamPipe) id: string,
    @Caller() caller: RpcCaller,
  ): Promise<void> {
    await this.upstream.call(RPC_PATTERNS.bookmarksDelete, { problemId: id }, caller);
  }

  /** Reports a problem; three users with open reports flag it for admins. */
  @Post('problems/:id/feedback')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: FeedbackResponse })
  @ApiErrors(400, 401, 404)
  feedback(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: FeedbackRequest,
    @Caller() caller: RpcCaller,
  ): Promise<FeedbackResponse> {
    return this.upstream.call(RPC_PATTERNS.feedbackCreate, { ...body, problemId: id }, caller);
  }
}
