import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateTaskRequest,
  type CreateTaskRpcData,
  MentorLinkResponse,
  MentorStudentSummaryResponse,
  type Page,
  PageQuery,
  RPC_PATTERNS,
  type RpcCaller,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller, Roles } from '../auth/access.decorators';
import { StudentOfMentorGuard } from '../auth/student-of-mentor.guard';
import { ApiErrors } from '../docs/api-errors';
import { ApiPageResponse } from '../docs/api-page';
import { Upstream } from '../upstream/upstream.service';
import { MentorSummaryService } from './mentor-summary.service';

/** A mentor's routes: invitations from students, and their accepted students only. */
@ApiTags('mentor')
@ApiBearerAuth()
@Roles('mentor')
@Controller('mentor')
export class MentorController {
  constructor(
    private readonly upstream: Upstream,
    private readonly summaries: MentorSummaryService,
  ) {}

  /** Pending invitations, oldest first, a page at a time; each is named by its student's id. */
  @Get('invitations')
  @ApiPageResponse(MentorLinkResponse)
  @ApiErrors(400, 401, 403)
  invitations(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<MentorLinkResponse>> {
    const { limit, cursor } = query;
    return this.upstream.call(RPC_PATTERNS.authMentorInvitations, { limit, cursor }, caller);
  }

  @Post('invitations/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MentorLinkResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  accept(
    @Param('id', UuidParamPipe) studentId: string,
    @Caller() caller: RpcCaller,
  ): Promise<MentorLinkResponse> {
    return this.respond(caller, studentId, true);
  }

  @Post('invitations/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: MentorLinkResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  decline(
    @Param('id', UuidParamPipe) studentId: string,
    @Caller() caller: RpcCaller,
  ): Promise<MentorLinkResponse> {
    return this.respond(caller, studentId, false);
  }

  /** The mentor's accepted students, by invitation time, a page at a time. */
  @Get('students')
  @ApiPageResponse(MentorLinkResponse)
  @ApiErrors(400, 401, 403)
  students(
    @Query() query: PageQuery,
    @Caller() caller: RpcCaller,
  ): Promise<Page<MentorLinkResponse>> {
    const { limit, cursor } = query;
    return this.upstream.call(RPC_PATTERNS.authMentorStudents, { limit, cursor }, caller);
  }

  /**
   * One student's topic stats, weak topics, roadmap PCI, daily streak and 20 most recent tasks
   * (403 for anyone not theirs; docs/product.md#mentors).
   */
  @Get('students/:id/summary')
  @UseGuards(StudentOfMentorGuard)
  @ApiOkResponse({ type: MentorStudentSummaryResponse })
  @ApiErrors(400, 401, 403)
  summary(
    @Param('id', UuidParamPipe) studentId: string,
    @Caller() caller: RpcCaller,
  ): Promise<MentorStudentSummaryResponse> {
    return this.summaries.summary(caller, studentId);
  }

  /** Assigns a task to the student (roadmap creates it with `assignedBy` = the mentor). */
  @Post('students/:id/tasks')
  @UseGuards(StudentOfMentorGuard)
  @ApiCreatedResponse({ description: 'The task as roadmap created it' })
  @ApiErrors(400, 401, 403)
  assignTask(
    @Param('id', UuidParamPipe) studentId: string,
    @Body() body: CreateTaskRequest,
    @Caller() caller: RpcCaller,
  ): Promise<unknown> {
    const data: CreateTaskRpcData = { userId: studentId, assignedBy: caller.userId, task: body };
    return this.upstream.call(RPC_PATTERNS.tasksCreate, data, caller);
  }

  private respond(caller: RpcCaller, studentId: string, accept: boolean) {
    return this.upstream.call(RPC_PATTERNS.authMentorRespond, { studentId, accept }, caller);
  }
}
