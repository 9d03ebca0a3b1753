import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@prepmate/platform';

/** Normalization's own settings on top of every service's. */
export class NormalizationConfig extends ServiceConfig {
  /**
   * How often problem telemetry is recomputed for the problems touched since the last time
   * (it trails the submissions by about this much). A minute: problem totals need not be
   * live, and under a large import every pass rewrites every touched problem (at 10 s this
   * was the largest database cost of normalizing 10 000 submissions on FerretDB).
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  PROBLEM_TELEMETRY_INTERVAL_MS = 60_000;

  /**
   * Normalization handles the deliveries in flight as batches (up to 500, two at a time), so
   * the prefetch bounds its batch size: 32 (every other consumer's default) made batches of
   * ~16 and a few hundred submissions per second on FerretDB; 256 about 1 500/s; 1 000 (two
   * full batches; about 1 MB of events in memory) about 2 200/s in the ingest benchmark.
   */
  override AMQP_PREFETCH = 1000;

  /**
   * Users an unconfirmed problem remembers as its vouchers (those who see it before a platform
   * adapter or an admin confirms it); the list stays bounded whatever the number of importers.
   * The list is indexed (`vouchedBy, _id`) and FerretDB on PostgreSQL puts the whole array in
   * one btree entry, which may not pass 2 704 bytes: 64 user ids fit, 70 do not. 50 leaves
   * room, and 60 is the most accepted (docs/operations.md#catalog-vouchers).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  PROBLEM_VOUCHERS_MAX = 50;

  /** How often each replica looks for admin resolutions left unfinished (docs/reliability.md). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  FAILURE_RESOLUTION_SWEEP_MS = 60_000;

  /** A resolution whose last step is younger than this is left to the request running it. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  FAILURE_RESOLUTION_GRACE_MS = 60_000;
}
