import { Inject, Injectable } from '@nestjs/common';
import {
  type GenerateTaskRpcData,
  type ListTasksRpcData,
  type Page,
  RPC_PATTERNS,
  type RpcCaller,
  type TaskFromAdviceRpcData,
  type TaskInput,
  type TaskResponse,
  type UpdateTaskRequest,
} from '@prepmate/contracts';
import { readableSubject, RpcClient, UserTombstones } from '@prepmate/messaging';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { isEditable } from '../domain/task-lifecycle';
import { lockedFieldsChanged } from '../domain/assigned-task';
import { taskInputProblems } from '../domain/task-input';
import { mayCreateTask } from '../domain/task-creator';
import { RoadmapConfig } from '../roadmap.config';
import type { TaskDocument } from './task.schema';
import { toTaskResponse } from './task-response';
import { TaskStore, TransitionRefused } from './task.store';
import { VerificationQueue } from './verification-queue';

/** Tasks a user may hold at once (a bound on their list and export). */
const MAX_TASKS_PER_USER = 1_000;

/**
 * The learner's tasks (docs/product.md#tasks): create, read, edit, delete, start, and ask
 * for verification. Only the owner sees or changes a task (an admin may read it).
 */
@Injectable()
export class TasksService {
  private readonly log: Logger;

  constructor(
    private readonly store: TaskStore,
    private readonly queue: VerificationQueue,
    private readonly config: RoadmapConfig,
    private readonly tombstones: UserTombstones,
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'tasks' });
  }

  /** Creates the task when the caller may (see mayCreateTask); else 403. */
  async createAs(
    caller: RpcCaller,
    userId: string,
    assignedBy: string | null,
    input: TaskInput,
  ): Promise<TaskResponse> {
    if (!mayCreateTask(caller, userId, assignedBy))
      throw new AppError('FORBIDDEN', 'a task is created by its learner or assigned by a mentor');
    return this.create(userId, assignedBy, input);
  }

  private async create(
    userId: string,
    assignedBy: string | null,
    input: TaskInput,
  ): Promise<TaskResponse> {
    const now = new Date();
    const problems = taskInputProblems(input, now);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('; '));
    // A mentor's assignment to a learner deleted meanwhile must not recreate their data.
    if (await this.tombstones.isDeleted(userId)) throw new AppError('NOT_FOUND', 'no such user');
    const held = await this.store.countOfUser(userId);
    if (held >= MAX_TASKS_PER_USER)
      throw new AppError('QUOTA_EXCEEDED', `at most ${MAX_TASKS_PER_USER} tasks; delete some`);
    const task: TaskDocument = {
      _id: uuidv7(),
      userId,
      assignedBy,
      description: input.description,
      topic: input.topic ?? null,
      problemId: input.problemId ?? null,
      verificationSource: input.verificationSource,
      verificationRequirements: { ...(input.verificationRequirements ?? {}) },
      estimatedTimeMinutes: input.estimatedTimeMinutes ?? null,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      status: 'pending',
      startedAt: null,
      completedAt: null,
      failureReason: null,
      evidence: null,
      verification: null,
      reflectionPostId: null,
      reflectionClaimedAt: null,
      history: [
        {
          from: null,
          to: 'pending',
          at: now,
          cause: assignedBy ? `assigned by mentor ${assignedBy}` : 'created',
        },
      ],
      version: 0,
      createdAt: now,
      updatedAt: now,
      pendingEvents: [],
      outboxPending: false,
      outboxLeaseUntil: null,
    };
    await this.store.insert(task);
    await this.tombstones.eraseIfDeleted([userId]);
    this.log.info({ taskId: task._id, userId, assignedBy }, 'task created');
    return toTaskResponse(task);
  }

  /**
   * A task from advisory's next task for the learner (its unsolved canonical problem, topic,
   * description and time), in one call. Advisory's provider only proposes: the task is
   * created by the same rules as any other.
   */
  async fromAdvice(caller: RpcCaller, request: TaskFromAdviceRpcData): Promise<TaskResponse> {
    const advised = await this.rpc.call(
      RPC_PATTERNS.advisoryGenerateTask,
      {
        ...(request.roadmapId ? { roadmapId: request.roadmapId } : {}),
        ...(request.topic ? { topic: request.topic } : {}),
      } satisfies GenerateTaskRpcData,
      { caller },
    );
    const { task } = advised;
    // The platform asked for, else the one the advised problem is on (LeetCode by default).
    const platform = task.problem.platform;
    const source =
      request.verificationSource ??
      (platform === 'leetcode' || platform === 'codeforces' ? platform : 'leetcode');
    return this.create(caller.userId, null, {
      description: task.description,
      topic: task.topic,
      problemId: task.problem.id,
      verificationSource: source,
      estimatedTimeMinutes: task.estimatedTimeMinutes,
    });
  }

  /** The tasks of `query.userId` (default the caller's): its admin or mentor may read them too. */
  async list(caller: RpcCaller, query: ListTasksRpcData): Promise<Page<TaskResponse>> {
    const page = await this.store.page(readableSubject(caller, query.userId), query);
    return { items: page.items.map(toTaskResponse), nextCursor: page.nextCursor };
  }

  async get(caller: RpcCaller, taskId: string): Promise<TaskResponse> {
    return toTaskResponse(await this.readable(caller, taskId));
  }

  async update(
    caller: RpcCaller,
    taskId: string,
    change: Omit<UpdateTaskRequest, 'version'>,
    version: number,
  ): Promise<TaskResponse> {
    const task = await this.owned(caller, taskId);
    if (task.version !== version)
      throw AppError.because(
        'TASK_VERSION_CONFLICT',
        'the task was changed by another request; read it again',
      );
    if (!isEditable(task.status))
      throw AppError.because('TASK_STATE', `a ${task.status} task cannot be edited`);
    const locked = lockedFieldsChanged(task.assignedBy, change);
    if (locked.length > 0)
      throw AppError.because(
        'TASK_ASSIGNED',
        `your mentor set how this task is verified; ${locked.join(', ')} cannot be changed`,
        { field: locked[0] },
      );
    const merged: TaskInput = {
      description: change.description ?? task.description,
      topic: change.topic ?? task.topic ?? undefined,
      problemId: change.problemId ?? task.problemId ?? undefined,
      verificationSource: change.verificationSource ?? task.verificationSource,
      verificationRequirements: change.verificationRequirements ?? task.verificationRequirements,
      estimatedTimeMinutes: change.estimatedTimeMinutes ?? task.estimatedTimeMinutes ?? undefined,
      dueAt: change.dueAt,
    };
    const problems = taskInputProblems(merged, new Date());
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('; '));
    const updated = await this.store.update(task, {
      description: merged.description,
      topic: merged.topic ?? null,
      problemId: merged.problemId ?? null,
      verificationSource: merged.verificationSource,
      verificationRequirements: { ...(merged.verificationRequirements ?? {}) },
      estimatedTimeMinutes: merged.estimatedTimeMinutes ?? null,
      dueAt: change.dueAt ? new Date(change.dueAt) : task.dueAt,
    });
    if (!updated)
      throw AppError.because(
        'TASK_VERSION_CONFLICT',
        'the task was changed by another request; read it again',
      );
    return toTaskResponse(updated);
  }

  async delete(caller: RpcCaller, taskId: string): Promise<{ deleted: true }> {
    const task = await this.owned(caller, taskId);
    if (!(await this.store.delete(task)))
      throw AppError.because(
        'TASK_VERSION_CONFLICT',
        'the task was changed by another request; read it again',
      );
    if (task.problemId) await this.store.removeWait(task.userId, task.problemId, task._id);
    this.log.info({ taskId, userId: task.userId }, 'task deleted');
    return { deleted: true };
  }

  /** pending → in_progress (the start time verification counts from), failed → in_progress. */
  async start(caller: RpcCaller, taskId: string): Promise<TaskResponse> {
    const task = await this.owned(caller, taskId);
    const retry = task.status === 'failed';
    const moved = await this.move(() =>
      this.store.transition(
        task,
        retry ? 'retry' : 'start',
        retry ? 'retried by the learner' : 'started by the learner',
        retry ? { failureReason: null } : { startedAt: new Date() },
      ),
    );
    return toTaskResponse(moved);
  }

  /** in_progress → verifying; the verification runs in the background (202). */
  async complete(caller: RpcCaller, taskId: string): Promise<TaskResponse> {
    const task = await this.owned(caller, taskId);
    const now = new Date();
    const attempt = (task.verification?.attempt ?? 0) + 1;
    const deadline = new Date(now.getTime() + this.config.TASK_VERIFICATION_TIMEOUT_MS);
    const moved = await this.move(() =>
      this.store.transition(task, 'complete', 'verification requested by the learner', {
        verification: { attempt, startedAt: now, deadline, syncRequested: false, seen: [] },
      }),
    );
    await this.queue.schedule(task._id, attempt, deadline);
    this.log.info(
      { taskId, userId: task.userId, source: task.verificationSource, attempt },
      'task verification started',
    );
    return toTaskResponse(moved);
  }

  private async move(write: () => Promise<TaskDocument | null>): Promise<TaskDocument> {
    let moved: TaskDocument | null;
    try {
      moved = await write();
    } catch (error) {
      if (error instanceof TransitionRefused) throw AppError.because('TASK_STATE', error.message);
      throw error;
    }
    if (!moved)
      throw AppError.because(
        'TASK_VERSION_CONFLICT',
        'the task was changed by another request; read it again',
      );
    return moved;
  }

  /** The caller's own task (404 for anyone else's, so ids of others' tasks are not probed). */
  private async owned(caller: RpcCaller, taskId: string): Promise<TaskDocument> {
    const task = await this.store.find(taskId);
    if (!task || task.userId !== caller.userId) throw new AppError('NOT_FOUND', 'no such task');
    return task;
  }

  private async readable(caller: RpcCaller, taskId: string): Promise<TaskDocument> {
    const task = await this.store.find(taskId);
    if (!task || (task.userId !== caller.userId && caller.role !== 'admin'))
      throw new AppError('NOT_FOUND', 'no such task');
    return task;
  }
}
