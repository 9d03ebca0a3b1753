import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@prepmate/platform';

/** Synergy's own settings on top of every service's. */
export class SynergyConfig extends ServiceConfig {
  /**
   * A pair is recomputed at most once per this window (PRODUCT: one minute): the first change
   * schedules the pair's job this far ahead, later changes join it. Tests set it small.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  SYNERGY_PAIR_DEBOUNCE_MS = 60_000;

  /** Pair jobs one replica runs at once (one pair's jobs never run in parallel). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  SYNERGY_WORKER_CONCURRENCY = 4;

  /** Posts one learner may publish per hour (then 429). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SYNERGY_POSTS_PER_HOUR = 30;

  /** Scratch requests one learner may send per hour (then 429). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SYNERGY_SCRATCHES_PER_HOUR = 300;

  /**
   * Failure injection for the crash test: `kill-in-pair-job` SIGKILLs the process in the
   * middle of a pair job, after it read the pair's inputs and before it stored the score.
   * Refused in production.
   */
  @IsIn(['', 'kill-in-pair-job'])
  SYNERGY_FAILPOINT: '' | 'kill-in-pair-job' = '';
}
