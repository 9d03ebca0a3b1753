import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CreateTaskRpcData,
  CreateTaskRequest,
  RPC_PATTERNS,
  type RpcCaller,
  TaskFromAdviceRequest,
  TaskListQuery,
  TaskReflectionRequest,
  TaskReflectionResponse,
  TaskResponse,
  UpdateTaskRequest,
} from '@prepmate/contracts';
import { UuidParamPipe } from '@prepmate/platform';
import { Caller } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { ApiPageResponse } from '../docs/api-page';
import { Upstream } from '../upstream/upstream.service';

/** The learner's tasks and their verification (docs/product.md#tasks). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly upstream: Upstream) {}

  @Post()
  @ApiCreatedResponse({ type: TaskResponse })
  @ApiErrors(400, 401, 409)
  create(@Body() body: CreateTaskRequest, @Caller() caller: RpcCaller) {
    const data: CreateTaskRpcData = { userId: caller.userId, assignedBy: null, task: body };
    return this.upstream.call(RPC_PATTERNS.tasksCreate, data, caller);
  }

  /** A task from advisory's next task for me (its problem, topic and time), in one call. */
  @Post('from-advice')
  @ApiCreatedResponse({ type: TaskResponse })
  @ApiErrors(400, 401, 404, 409)
  fromAdvice(@Body() body: TaskFromAdviceRequest, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.tasksFromAdvice, body, caller);
  }

  /** My tasks, newest first, optionally of one status. */
  @Get()
  @ApiPageResponse(TaskResponse)
  @ApiErrors(400, 401)
  list(@Query() query: TaskListQuery, @Caller() caller: RpcCaller) {
    return this.upstream.call(
      RPC_PATTERNS.tasksList,
      { limit: query.limit, cursor: query.cursor, status: query.status },
      caller,
    );
  }

  /** A task with its state audit (`history`). */
  @Get(':id')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(400, 401, 404)
  get(@Param('id', UuidParamPipe) taskId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.tasksGet, { taskId }, caller);
  }

  /** Edits a pending or in-progress task at the version read (409 when it changed). */
  @Patch(':id')
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(400, 401, 404, 409)
  update(
    @Param('id', UuidParamPipe) taskId: string,
    @Body() body: UpdateTaskRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(RPC_PATTERNS.tasksUpdate, { ...body, taskId }, caller);
  }

  @Delete(':id')
  @ApiOkResponse({ description: '{ deleted: true }' })
  @ApiErrors(400, 401, 404, 409)
  remove(@Param('id', UuidParamPipe) taskId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.tasksDelete, { taskId }, caller);
  }

  /** pending → in_progress (verification counts from now); a failed task → in_progress (retry). */
  @Post(':id/start')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskResponse })
  @ApiErrors(400, 401, 404, 409)
  start(@Param('id', UuidParamPipe) taskId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.tasksStart, { taskId }, caller);
  }

  /**
   * in_progress → verifying. The verification runs in the background; the result arrives as
   * `task.completed` / `task.failed` (and in the task's status).
   */
  @Post(':id/complete')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: TaskResponse })
  @ApiErrors(400, 401, 404, 409)
  complete(@Param('id', UuidParamPipe) taskId: string, @Caller() caller: RpcCaller) {
    return this.upstream.call(RPC_PATTERNS.tasksComplete, { taskId }, caller);
  }

  /**
   * Posts the reflection of a completed task (a synergy post linked to it) from my text, or
   * else from the reflection draft advisory made when the task was verified. Once per task.
   */
  @Post(':id/reflection')
  @ApiCreatedResponse({ type: TaskReflectionResponse })
  @ApiErrors(400, 401, 404, 409)
  reflect(
    @Param('id', UuidParamPipe) taskId: string,
    @Body() body: TaskReflectionRequest,
    @Caller() caller: RpcCaller,
  ) {
    return this.upstream.call(RPC_PATTERNS.tasksReflect, { ...body, taskId }, caller);
  }
}
