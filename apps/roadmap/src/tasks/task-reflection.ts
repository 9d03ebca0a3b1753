import { Inject, Injectable } from '@nestjs/common';
import {
  type CreatePostRpcData,
  type PostResponse,
  RPC_PATTERNS,
  type RpcCaller,
  type TaskReflectionResponse,
} from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';
import { AppError, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import type { TaskDocument } from './task.schema';
import { toTaskResponse } from './task-response';
import { TaskStore } from './task.store';

/** A claim on posting a reflection older than this is taken over (its request died). */
const CLAIM_STALE_MS = 60_000;
const MAX_WRITE_RACES = 8;

/**
 * `POST /tasks/:id/reflection`: posts a completed task's reflection to synergy in one call,
 * from the learner's words or advisory's draft (docs/product.md#tasks). A task has at most one
 * reflection post: the request claims the task (guarded write) before posting.
 */
@Injectable()
export class TaskReflection {
  private readonly log: Logger;

  constructor(
    private readonly store: TaskStore,
    private readonly rpc: RpcClient,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'task-reflection' });
  }

  async post(caller: RpcCaller, taskId: string, text?: string): Promise<TaskReflectionResponse> {
    const claimed = await this.claim(caller, taskId);
    let post: PostResponse;
    try {
      const { content, skills } = text
        ? { content: text, skills: undefined }
        : await this.fromDraft(caller, taskId);
      post = await this.rpc.call(
        RPC_PATTERNS.postsCreate,
        {
          content,
          ...(skills ? { skills } : {}),
          taskId,
          ...(claimed.problemId ? { problemId: claimed.problemId } : {}),
        } satisfies CreatePostRpcData,
        { caller },
      );
    } catch (error) {
      await this.release(taskId);
      throw error;
    }
    const task = await this.record(taskId, post.id);
    this.log.info({ taskId, postId: post.id, fromDraft: !text }, 'task reflection posted');
    return { task: toTaskResponse(task), post };
  }

  private async fromDraft(caller: RpcCaller, taskId: string) {
    const draft = await this.rpc.call(RPC_PATTERNS.advisoryReflectionDraft, { taskId }, { caller });
    const next = draft.nextSteps.length > 0 ? `\n\nNext: ${draft.nextSteps.join('; ')}` : '';
    return { content: `${draft.summary}${next}`, skills: draft.keySkills };
  }

  private async claim(caller: RpcCaller, taskId: string): Promise<TaskDocument> {
    for (let race = 0; race < MAX_WRITE_RACES; race += 1) {
      const task = await this.store.find(taskId);
      if (!task || task.userId !== caller.userId) throw new AppError('NOT_FOUND', 'no such task');
      if (task.status !== 'completed')
        throw AppError.because('TASK_STATE', 'only a completed (verified) task has a reflection');
      if (task.reflectionPostId)
        throw AppError.because(
          'REFLECTION_POSTED',
          `the reflection is posted already (${task.reflectionPostId})`,
        );
      const claimedAt = task.reflectionClaimedAt ? new Date(task.reflectionClaimedAt) : null;
      if (claimedAt && Date.now() - claimedAt.getTime() < CLAIM_STALE_MS)
        throw AppError.because(
          'REFLECTION_IN_PROGRESS',
          'the reflection is being posted by another request',
        );
      const written = await this.store.update(task, { reflectionClaimedAt: new Date() });
      if (written) return written;
    }
    throw AppError.because(
      'TASK_VERSION_CONFLICT',
      'the task was changed by another request; try again',
    );
  }

  private async release(taskId: string): Promise<void> {
    const task = await this.store.find(taskId);
    if (task && !task.reflectionPostId)
      await this.store.update(task, { reflectionClaimedAt: null });
  }

  private async record(taskId: string, postId: string): Promise<TaskDocument> {
    for (let race = 0; race < MAX_WRITE_RACES; race += 1) {
      const task = (await this.store.find(taskId))!;
      const written = await this.store.update(task, {
        reflectionPostId: postId,
        reflectionClaimedAt: null,
      });
      if (written) return written;
    }
    throw new Error(`task ${taskId}: the reflection post ${postId} could not be recorded`);
  }
}
