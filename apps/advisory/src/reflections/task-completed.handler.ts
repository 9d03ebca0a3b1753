import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type EventEnvelope, RPC_PATTERNS, type TaskIdRpcData } from '@prepmate/contracts';
import { RpcClient, UserTombstones } from '@prepmate/messaging';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { ReflectionsService } from '../operations/reflections.service';
import { ReflectionDraftStore } from './reflection-draft.store';

/**
 * `task.completed` → a reflection draft for the task, through the reflection operation
 * (its provider, guardrails and budget; the `rules` template when no model is configured).
 * Only a draft is stored: progression state is never touched (docs/advisory.md).
 */
@Controller()
export class TaskCompletedHandler {
  private readonly log: Logger;

  constructor(
    private readonly reflections: ReflectionsService,
    private readonly drafts: ReflectionDraftStore,
    private readonly rpc: RpcClient,
    private readonly tombstones: UserTombstones,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'reflection-drafts' });
  }

  @EventPattern('task.completed')
  async onCompleted(@Payload() event: EventEnvelope<'task.completed'>): Promise<void> {
    const { taskId, userId, verificationSource, problemId, evidence } = event.payload;
    if (await this.tombstones.isDeleted(userId)) return;
    if (await this.drafts.has(taskId)) return;
    const caller = { userId, role: 'student' as const };
    const task = await this.rpc.call(RPC_PATTERNS.tasksGet, { taskId } satisfies TaskIdRpcData, {
      caller,
    });
    const draft = await this.reflections.reflect(caller, {
      taskDescription: task.description,
      verification: {
        source: verificationSource,
        reference: evidence.ref,
        accepted: true,
        ...(problemId ? { problemId } : {}),
      },
    });
    await this.drafts.insert(taskId, userId, draft);
    await this.tombstones.eraseIfDeleted([userId]);
    this.log.info({ taskId, userId, provider: draft.provider }, 'reflection draft stored');
  }
}
