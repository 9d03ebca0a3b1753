import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
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
}
