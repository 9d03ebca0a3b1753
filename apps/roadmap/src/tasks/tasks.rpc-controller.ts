import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type CreateTaskRpcData,
  type ListTasksRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type TaskFromAdviceRpcData,
  type TaskIdRpcData,
  type TaskReflectionRpcData,
  type UpdateTaskRpcData,
} from '@prepmate/contracts';
import { requireCaller } from '@prepmate/messaging';
import { AppError } from '@prepmate/platform';
import { TaskReflection } from './task-reflection';
import { TasksService } from './tasks.service';

/** Task RPCs: unpack and call TasksService (bodies were validated by the gateway). */
@Controller()
export class TasksRpcController {
  constructor(
    private readonly tasks: TasksService,
    private readonly reflection: TaskReflection,
  ) {}

  /**
   * A learner's own task (`userId` = caller), or a mentor's assignment (`assignedBy` = the
   * caller; the gateway's mentor route checks the mentor–student link before calling).
   */
  @MessagePattern(RPC_PATTERNS.tasksCreate)
  create(@Payload() request: RpcRequest<CreateTaskRpcData>) {
    const caller = requireCaller(request);
    const { userId, assignedBy, task } = request.data;
    const own = assignedBy === null && userId === caller.userId;
    const assigned =
      assignedBy !== null && assignedBy === caller.userId && caller.role !== 'student';
    if (!own && !assigned)
      throw new AppError('FORBIDDEN', 'a task is created by its learner or assigned by a mentor');
    return this.tasks.create(userId, assignedBy, task);
  }

  @MessagePattern(RPC_PATTERNS.tasksList)
  list(@Payload() request: RpcRequest<ListTasksRpcData>) {
    return this.tasks.list(requireCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.tasksGet)
  get(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.get(requireCaller(request), request.data.taskId);
  }

  @MessagePattern(RPC_PATTERNS.tasksUpdate)
  update(@Payload() request: RpcRequest<UpdateTaskRpcData>) {
    const { taskId, version, ...change } = request.data;
    return this.tasks.update(requireCaller(request), taskId, change, version);
  }

  @MessagePattern(RPC_PATTERNS.tasksDelete)
  delete(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.delete(requireCaller(request), request.data.taskId);
  }

  @MessagePattern(RPC_PATTERNS.tasksStart)
  start(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.start(requireCaller(request), request.data.taskId);
  }

  @MessagePattern(RPC_PATTERNS.tasksComplete)
  complete(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.complete(requireCaller(request), request.data.taskId);
  }

  @MessagePattern(RPC_PATTERNS.tasksFromAdvice)
  fromAdvice(@Payload() request: RpcRequest<TaskFromAdviceRpcData>) {
    return this.tasks.fromAdvice(requireCaller(request), request.data);
  }

  @MessagePattern(RPC_PATTERNS.tasksReflect)
  reflect(@Payload() request: RpcRequest<TaskReflectionRpcData>) {
    return this.reflection.post(requireCaller(request), request.data.taskId, request.data.text);
  }
}
