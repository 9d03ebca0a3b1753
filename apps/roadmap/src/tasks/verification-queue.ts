import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

export const VERIFICATION_QUEUE = 'task-verification';
/** Looks for the evidence now (and triggers a sync when there is none yet). */
export const VERIFY_JOB = 'verify';
/** Ends a verification still waiting at its deadline. */
export const DEADLINE_JOB = 'deadline';

export interface VerificationJobData {
  taskId: string;
  attempt: number;
}

/**
 * The producer side of task verification (BullMQ). Job ids are deterministic per task and
 * verification attempt, so a repeated request adds nothing; a job of an older attempt finds
 * the task moved on and does nothing.
 */
@Injectable()
export class VerificationQueue {
  constructor(@InjectQueue(VERIFICATION_QUEUE) readonly queue: Queue<VerificationJobData>) {}

  async schedule(taskId: string, attempt: number, deadline: Date): Promise<void> {
    const data = { taskId, attempt };
    const common = {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: 1_000,
      removeOnFail: 1_000,
    };
    await this.queue.addBulk([
      { name: VERIFY_JOB, data, opts: { ...common, jobId: `verify-${taskId}-${attempt}` } },
      {
        name: DEADLINE_JOB,
        data,
        opts: {
          ...common,
          jobId: `deadline-${taskId}-${attempt}`,
          delay: Math.max(0, deadline.getTime() - Date.now()),
        },
      },
    ]);
  }
}
