import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { BackgroundAssertion } from '@prepmate/platform';
import type { Queue } from 'bullmq';
import { AggregationConfig } from '../aggregation.config';

export const AGGREGATION_QUEUE = 'aggregation-users';
export const USER_JOB = 'aggregate-user';
export const RECOMPUTE_SCAN_JOB = 'recompute-active-users';
/** The reminder checks of learners whose next check came (docs/product.md#reminders). */
export const ENGAGE_CHECK_JOB = 'engage-checks';

export interface UserJobData {
  userId: string;
  recompute?: boolean;
}

/**
 * The producer side of the per-user aggregation queue (BullMQ, registered in
 * AggregationModule). Each user has at most one job waiting, deduplicated by user id with
 * keepLastIfActive (an attempt arriving while the user's job runs leaves exactly one
 * follow-up job), so one user's jobs never run in parallel. The window is fixed: the user's
 * first unapplied attempt opens it and later ones join the job without moving it, so a
 * learner whose attempts keep arriving is still aggregated every window (a sliding window
 * would wait for a pause that a long sync never makes). Job schedulers add the periodic
 * recompute of recently active users and the learners' reminder checks.
 */
@Injectable()
export class AggregationQueue implements OnModuleInit, OnModuleDestroy {
  private readonly schedulers = new BackgroundAssertion(() => this.assertSchedulers());

  constructor(
    @InjectQueue(AGGREGATION_QUEUE) readonly queue: Queue<UserJobData>,
    private readonly config: AggregationConfig,
  ) {}

  /** In the background: a Redis that is down at start does not hold the service's start. */
  onModuleInit(): void {
    this.schedulers.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.schedulers.stop();
  }

  /**
   * Creates or updates the periodic recompute's job scheduler. Idempotent; run at start and by
   * every pending sweep, so a Redis that lost its data gets it back (PendingSweep).
   */
  async assertSchedulers(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'recompute-active-users',
      { every: this.config.AGGREGATION_RECOMPUTE_EVERY_MS },
      { name: RECOMPUTE_SCAN_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    await this.queue.upsertJobScheduler(
      ENGAGE_CHECK_JOB,
      { every: this.config.ENGAGE_CHECK_EVERY_MS },
      { name: ENGAGE_CHECK_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  /**
   * Whether Redis lost this queue's data since a sweep last marked it — a flush, a restart
   * without its append-only file — or never held it (the first start). Then any user with
   * pending attempts may have lost its job, however recent the attempts (PendingSweep).
   */
  async dataLost(): Promise<boolean> {
    return (await (await this.queue.client).get(this.markerKey)) === null;
  }

  /** Marks the queue's data as present: set by a sweep that rescheduled every pending user. */
  async markDataKept(): Promise<void> {
    await (await this.queue.client).set(this.markerKey, new Date().toISOString());
  }

  /** A key beside the queue's own: it goes when they go. */
  private get markerKey(): string {
    return `${this.queue.qualifiedName}:data-marker`;
  }

  /** Whether the user has a job waiting or running (its deduplication id is taken). */
  async hasJob(userId: string): Promise<boolean> {
    return (await this.queue.getDeduplicationJobId(userId)) !== null;
  }

  /**
   * Schedules the user's aggregation at the end of the window: a job already waiting is kept
   * as it is (the attempts are read when it runs), except that a recompute replaces a plain
   * job still in its window (the recompute covers everything a plain job would apply). A
   * recompute that meets a job already due or running is merged into it, as before: the
   * periodic scan only guards against drift, and the next scan covers the user again.
   */
  async schedule(userId: string, recompute = false): Promise<void> {
    await this.queue.add(
      USER_JOB,
      { userId, recompute },
      {
        delay: this.config.AGGREGATION_DEBOUNCE_MS,
        deduplication: { id: userId, keepLastIfActive: true, ...(recompute && { replace: true }) },
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: 1_000,
        removeOnFail: 1_000,
      },
    );
  }
}
