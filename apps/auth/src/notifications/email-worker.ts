import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ROOT_LOGGER } from '@prepmate/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { NotificationEmails } from './notification-emails';
import { DIGEST_EMAIL_JOB, DIGEST_SCAN_JOB, EMAIL_QUEUE, IMMEDIATE_EMAIL_JOB } from './email-queue';

/**
 * Runs email jobs. A failed send (SMTP down, refused) throws: BullMQ retries it with backoff.
 * A job whose notification was emailed already, or whose learner is gone, does nothing.
 */
@Processor(EMAIL_QUEUE, { concurrency: 4, lockDuration: 60_000 })
export class EmailWorker extends WorkerHost {
  private readonly log: Logger;

  constructor(
    private readonly emails: NotificationEmails,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'email-worker' });
  }

  async process(job: Job<{ notificationId?: string; userId?: string }>): Promise<void> {
    try {
      if (job.name === IMMEDIATE_EMAIL_JOB)
        await this.emails.sendImmediate(job.data.notificationId!);
      else if (job.name === DIGEST_EMAIL_JOB) await this.emails.sendDigest(job.data.userId!);
      else if (job.name === DIGEST_SCAN_JOB) await this.emails.queueDueDigests();
    } catch (error) {
      this.log.warn(
        { err: (error as Error).message, job: job.name, attempt: job.attemptsMade + 1 },
        'email job failed; retried',
      );
      throw error;
    }
  }
}
