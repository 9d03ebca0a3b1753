import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { BackgroundAssertion } from '@prepmate/platform';
import type { Queue } from 'bullmq';
import { AuthConfig } from '../auth.config';
import { Mailer } from './mailer';

export const EMAIL_QUEUE = 'auth-notification-email';
export const IMMEDIATE_EMAIL_JOB = 'immediate-email';
export const DIGEST_EMAIL_JOB = 'digest-email';
export const DIGEST_SCAN_JOB = 'digest-scan';
const DIGEST_SCHEDULER = 'notification-digest-scan';

export type EmailJobData = { notificationId: string } | { userId: string } | Record<string, never>;

const RETRIES = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: 1_000,
  removeOnFail: 1_000,
} as const;

/**
 * The producer side of notification email (BullMQ): one job per immediate email, one per
 * learner's due digest, and a job scheduler that looks for due digests. Job ids make every
 * add idempotent (an event delivered twice queues one email).
 */
@Injectable()
export class EmailQueue implements OnModuleInit, OnModuleDestroy {
  private readonly scheduler = new BackgroundAssertion(() => this.assertScheduler());

  constructor(
    @InjectQueue(EMAIL_QUEUE) readonly queue: Queue<EmailJobData>,
    private readonly config: AuthConfig,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Asserts the digest scheduler in the background: a Redis that is down at start must not
   * hold the service's start (it starts, not ready, and says why); the assertion is retried
   * until Redis answers.
   */
  onModuleInit(): void {
    this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
  }

  private async assertScheduler(): Promise<void> {
    // A deployment that no longer sends email stops scanning (the scheduler lives in Redis).
    if (!this.mailer.enabled) await this.queue.removeJobScheduler(DIGEST_SCHEDULER);
    else
      await this.queue.upsertJobScheduler(
        DIGEST_SCHEDULER,
        { every: this.config.NOTIFY_DIGEST_SCAN_MS },
        { name: DIGEST_SCAN_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
  }

  async immediate(notificationId: string): Promise<void> {
    await this.queue.add(
      IMMEDIATE_EMAIL_JOB,
      { notificationId },
      { ...RETRIES, jobId: `immediate:${notificationId}` },
    );
  }

  /** The digest of a learner due at `dueAt`: one job however many scans see it. */
  async digest(userId: string, dueAt: Date): Promise<void> {
    await this.queue.add(
      DIGEST_EMAIL_JOB,
      { userId },
      { ...RETRIES, jobId: `digest:${userId}:${dueAt.getTime()}` },
    );
  }
}
