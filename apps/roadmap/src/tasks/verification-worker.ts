import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { TaskVerifier } from './task-verifier';
import {
  DEADLINE_JOB,
  VERIFICATION_QUEUE,
  type VerificationJobData,
  VERIFY_JOB,
} from './verification-queue';

/** Runs verification jobs; a failing one is retried by BullMQ (5 attempts, backoff). */
@Processor(VERIFICATION_QUEUE)
export class VerificationWorker extends WorkerHost {
  private readonly log: Logger;

  constructor(
    private readonly verifier: TaskVerifier,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'task-verification' });
  }

  async process(job: Job<VerificationJobData>): Promise<unknown> {
    if (job.name === VERIFY_JOB) return this.verifier.verify(job.data.taskId, job.data.attempt);
    if (job.name === DEADLINE_JOB) return this.verifier.deadline(job.data.taskId, job.data.attempt);
    throw new Error(`unknown job ${job.name}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<VerificationJobData> | undefined, error: Error): void {
    this.log.warn(
      { jobId: job?.id, taskId: job?.data.taskId, err: error.message },
      'task verification job failed',
    );
  }
}
