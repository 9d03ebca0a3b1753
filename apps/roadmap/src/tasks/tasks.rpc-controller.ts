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
import { TaskReflection } from './task-reflection';
import { TasksService } from './tasks.service';

/** Task RPCs: unpack and call TasksService (bodies were validated by the gateway). */
@Controller()
export class TasksRpcController {
  constructor(
    private readonly tasks: TasksService,
    private readonly reflection: TaskReflection,
  ) {}

  /** A learner's own task, or a mentor's assignment (the gateway's mentor route checked the link). */
  @RpcHandler(RPC_PATTERNS.tasksCreate)
  create(@Payload() request: RpcRequest<CreateTaskRpcData>) {
    const { userId, assignedBy, task } = request.data;
    return this.tasks.createAs(requireCaller(request), userId, assignedBy, task);
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
