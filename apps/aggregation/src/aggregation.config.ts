import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { ServiceConfig } from '@prepmate/platform';
import type { BktParams } from './domain/bkt';

const probability = () => [Type(() => Number), IsNumber(), Min(0.0001), Max(0.9999)];
function Probability(): PropertyDecorator {
  return (target, key) => probability().forEach((decorate) => decorate(target, key));
}

/** Aggregation's own settings on top of every service's. */
export class AggregationConfig extends ServiceConfig {
  /**
   * Window of the per-user aggregation job, from the user's first attempt not yet applied
   * (docs/product.md#topic-statistics: 5 s).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  AGGREGATION_DEBOUNCE_MS = 5_000;

  /** How often users active in the last day are recomputed from their attempts (6 h). */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  AGGREGATION_RECOMPUTE_EVERY_MS = 6 * 3_600_000;

  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  AGGREGATION_ACTIVE_WINDOW_MS = 24 * 3_600_000;

  /**
   * How often each replica sweeps `pending_attempts` for users whose job was lost and
   * re-asserts the job schedulers (docs/reliability.md#aggregation-work).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  AGGREGATION_SWEEP_EVERY_MS = 10_000;

  /**
   * A pending attempt older than this whose user has no job is taken for lost work; longer
   * than the debounce window plus a job's run. A sweep that finds a user's job still there
   * does nothing, so a short grace costs one read, and lost work (a Redis flush) is found
   * within this plus a sweep interval: 30 s.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  AGGREGATION_PENDING_GRACE_MS = 20_000;

  /** User jobs one replica runs at once (jobs of one user never run in parallel). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  AGGREGATION_WORKER_CONCURRENCY = 4;

  /**
   * Lock of a running job: a replica that dies mid-job stops renewing it, and after this
   * long (checked as often) another replica takes the job over.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  AGGREGATION_JOB_LOCK_MS = 15_000;

  /**
   * Failure injection for the crash test: `kill-after-state-write` SIGKILLs the process
   * right after a job stored the user's aggregate and before it marked the attempts
   * applied. Refused in production.
   */
  @IsIn(['', 'kill-after-state-write'])
  AGGREGATION_FAILPOINT: '' | 'kill-after-state-write' = '';

  /**
   * Aggregation stores the deliveries in flight together (one insert of attempts, one of
   * claims), so the prefetch bounds those batches: at every other consumer's 32, a burst of
   * 10 000 attempts took ~2 500 inserts and 100 users' freshness p99 was ~16 s on FerretDB;
   * at 256 (256 small events in memory) both fall sharply (numbers in the pipeline benchmark).
   */
  override AMQP_PREFETCH = 256;

  /**
   * How often the reminder checks run (docs/product.md#reminders): each run reads only the
   * learners whose next 08:00 / 20:00 local check has come (the `nextCheckAt` index).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  ENGAGE_CHECK_EVERY_MS = 60_000;

  /** Learners one reminder run checks at most (the rest wait for the next run). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  ENGAGE_CHECK_BATCH = 2_000;

  @Probability() BKT_P_INIT = 0.2;
  @Probability() BKT_P_TRANSIT = 0.15;
  @Probability() BKT_GUESS_EASY = 0.3;
  @Probability() BKT_GUESS_MEDIUM = 0.2;
  @Probability() BKT_GUESS_HARD = 0.1;
  @Probability() BKT_SLIP_EASY = 0.05;
  @Probability() BKT_SLIP_MEDIUM = 0.1;
  @Probability() BKT_SLIP_HARD = 0.15;

  get bkt(): BktParams {
    return {
      initial: this.BKT_P_INIT,
      transit: this.BKT_P_TRANSIT,
      guess: {
        easy: this.BKT_GUESS_EASY,
        medium: this.BKT_GUESS_MEDIUM,
        hard: this.BKT_GUESS_HARD,
      },
      slip: { easy: this.BKT_SLIP_EASY, medium: this.BKT_SLIP_MEDIUM, hard: this.BKT_SLIP_HARD },
    };
  }
}
