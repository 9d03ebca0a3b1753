import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { ServiceConfig } from '@prepmate/platform';

/** Roadmap's own settings on top of every service's. */
export class RoadmapConfig extends ServiceConfig {
  /**
   * `topic.aggregated` arrives in bursts (every user whose debounce window closed) and each
   * event recomputes that user's PCI: at every other consumer's 32 the burst of 100 users in
   * the pipeline benchmark queued behind 32 recomputes at a time (freshness p99 ~10.2 s);
   * at 256 (256 small events in memory), ~9.5 s. Validated as every service's prefetch.
   */
  override AMQP_PREFETCH = 256;

  /** Custom roadmaps one user may create (then 409 QUOTA_EXCEEDED). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  CUSTOM_ROADMAPS_PER_USER = 50;

  /**
   * How long a task's verification waits for a sync to bring the accepted submission before
   * the task fails (docs/product.md#tasks).
   */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(86_400_000)
  TASK_VERIFICATION_TIMEOUT_MS = 900_000;

  /** How often each replica settles verifications whose jobs were lost (docs/reliability.md). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  TASK_VERIFICATION_SWEEP_MS = 60_000;

  /** How long past its deadline a verification must be before the sweep settles it. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  TASK_VERIFICATION_GRACE_MS = 60_000;

  /** Base of the GitHub REST API (a recorded-response server in tests). */
  @IsUrl({ require_tld: false, require_protocol: true })
  GITHUB_API_URL = 'https://api.github.com';

  /** Optional token: 5 000 requests an hour instead of 60 per address (public data only). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  GITHUB_TOKEN?: string;

  /** Time limit of one GitHub call. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  GITHUB_HTTP_TIMEOUT_MS = 10_000;

  /** Consecutive GitHub failures that open its circuit breaker. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  GITHUB_CIRCUIT_FAILURE_THRESHOLD = 5;

  /** How long the open circuit waits before one trial call (half-open). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  GITHUB_CIRCUIT_HALF_OPEN_AFTER_MS = 60_000;
}
