import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
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
import { requireCaller, RpcHandler } from '@prepmate/messaging';
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
  @RpcHandler(RPC_PATTERNS.tasksCreate)
  create(@Payload() request: RpcRequest<CreateTaskRpcData>) {
    const caller = requireCaller(request);
    const { userId, assignedBy, task } = request.data;
    const own = assignedBy === null && userId === caller.userId;
    // An assignment comes from an admin, or from the mentor whose scope the gateway confirmed
    // for this very student (`mentorOf`, docs/security.md).
    const assigned =
      assignedBy !== null &&
      assignedBy === caller.userId &&
      (caller.role === 'admin' || (caller.role === 'mentor' && caller.mentorOf === userId));
    if (!own && !assigned)
      throw new AppError('FORBIDDEN', 'a task is created by its learner or assigned by a mentor');
    return this.tasks.create(userId, assignedBy, task);
  }

  @RpcHandler(RPC_PATTERNS.tasksList)
  list(@Payload() request: RpcRequest<ListTasksRpcData>) {
    return this.tasks.list(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.tasksGet)
  get(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.get(requireCaller(request), request.data.taskId);
  }

  @RpcHandler(RPC_PATTERNS.tasksUpdate)
  update(@Payload() request: RpcRequest<UpdateTaskRpcData>) {
    const { taskId, version, ...change } = request.data;
    return this.tasks.update(requireCaller(request), taskId, change, version);
  }

  @RpcHandler(RPC_PATTERNS.tasksDelete)
  delete(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.delete(requireCaller(request), request.data.taskId);
  }

  @RpcHandler(RPC_PATTERNS.tasksStart)
  start(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.start(requireCaller(request), request.data.taskId);
  }

  @RpcHandler(RPC_PATTERNS.tasksComplete)
  complete(@Payload() request: RpcRequest<TaskIdRpcData>) {
    return this.tasks.complete(requireCaller(request), request.data.taskId);
  }

  @RpcHandler(RPC_PATTERNS.tasksFromAdvice)
  fromAdvice(@Payload() request: RpcRequest<TaskFromAdviceRpcData>) {
    return this.tasks.fromAdvice(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.tasksReflect)
  reflect(@Payload() request: RpcRequest<TaskReflectionRpcData>) {
    return this.reflection.post(requireCaller(request), request.data.taskId, request.data.text);
  }
}
