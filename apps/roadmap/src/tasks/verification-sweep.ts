import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicSweep, ROOT_LOGGER } from '@prepmate/platform';
import type { Logger } from 'pino';
import { RoadmapConfig } from '../roadmap.config';
import { TaskStore } from './task.store';
import { TaskVerifier } from './task-verifier';

/** Overdue verifications settled by one sweep, at most. */
const SWEEP_BATCH = 100;

/**
 * Settles verifications whose jobs were lost: `complete` writes `verifying` and then queues
 * the verify and deadline jobs, so a crash between the two (or Redis losing its data) would
 * leave the task verifying forever. Every `TASK_VERIFICATION_SWEEP_MS` each replica takes the
 * tasks still verifying `TASK_VERIFICATION_GRACE_MS` past their deadline, looks for the
 * evidence once more (what was ingested meanwhile counts) and then ends the verification as
 * the deadline job would have. Both steps ignore a task that moved on (another replica, a late
 * job), so running twice settles nothing twice (docs/reliability.md).
 */
@Injectable()
export class VerificationSweep implements OnModuleInit, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;
  private readonly log: Logger;

  constructor(
    private readonly store: TaskStore,
    private readonly verifier: TaskVerifier,
    private readonly config: RoadmapConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'verification-sweep' });
    this.periodic = new PeriodicSweep(() => this.sweep(), config.TASK_VERIFICATION_SWEEP_MS);
  }

  onModuleInit(): void {
    this.periodic.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  /** Settles every overdue verification it finds; returns how many it settled. */
  async sweep(): Promise<number> {
    let settled = 0;
    try {
      const before = new Date(Date.now() - this.config.TASK_VERIFICATION_GRACE_MS);
      for (const task of await this.store.overdueVerifications(before, SWEEP_BATCH)) {
        const attempt = task.verification!.attempt;
        try {
          // The evidence may be there by now; a platform or GitHub that cannot answer is the
          // deadline's business.
          await this.verifier.verify(task._id, attempt).catch((error: unknown) => {
            this.log.warn(
              { taskId: task._id, err: (error as Error).message },
              'overdue verification: the last look failed; ending it',
            );
          });
          const outcome = await this.verifier.deadline(task._id, attempt);
          settled += 1;
          this.log.warn({ taskId: task._id, attempt, outcome }, 'settled an overdue verification');
        } catch (error) {
          this.log.warn(
            { taskId: task._id, err: (error as Error).message },
            'could not settle an overdue verification; the next sweep tries again',
          );
        }
      }
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'verification sweep failed');
    }
    return settled;
  }
}
