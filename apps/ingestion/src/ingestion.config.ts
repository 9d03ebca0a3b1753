import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@prepmate/platform';

const url = { require_tld: false, require_protocol: true };

/** Ingestion's own settings on top of every service's. */
export class IngestionConfig extends ServiceConfig {
  /** Base of the Codeforces API (a recorded-response server in tests). */
  @IsUrl(url)
  CODEFORCES_API_URL = 'https://codeforces.com/api';

  /** LeetCode's GraphQL endpoint. */
  @IsUrl(url)
  LEETCODE_GRAPHQL_URL = 'https://leetcode.com/graphql';

  /** Time limit of one call to a platform. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  PLATFORM_HTTP_TIMEOUT_MS = 15_000;

  /** Consecutive failures of a platform that open its circuit breaker. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  CIRCUIT_FAILURE_THRESHOLD = 5;

  /** How long an open circuit waits before letting one trial call through (half-open). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  CIRCUIT_HALF_OPEN_AFTER_MS = 60_000;

  /**
   * AES-256 key for stored platform session cookies: 32 bytes, base64. Required in production;
   * in development a key is generated once into INTEGRATION_DEV_KEY_FILE.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64' })
  INTEGRATION_ENCRYPTION_KEY?: string;

  @IsString()
  INTEGRATION_DEV_KEY_FILE = '.local/keys/integration-key';

  /** The unit of the sync backoff: retry n waits 2^n of these (docs/product.md#ingestion: a minute). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  SYNC_BACKOFF_BASE_MS = 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(20)
  SYNC_MAX_RETRIES = 5;

  /** How often the scheduler looks for failed syncs that are due (a BullMQ job scheduler). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SYNC_SCHEDULER_INTERVAL_MS = 60_000;

  /** Due retries one retry scan starts (the longest waiting first; the rest wait for the next scan). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SYNC_RETRY_BATCH = 200;

  /** Scheduler jobs (retry and automatic scans) one replica runs at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  SYNC_WORKER_CONCURRENCY = 4;

  /** How often each linked account is synced automatically (docs/operations.md#automatic-sync). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SYNC_AUTO_INTERVAL_MS = 6 * 3600_000;

  /** The automatic interval is spread by ± this share of itself (0.1: 6 h ± 36 min). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(0.5)
  SYNC_AUTO_JITTER = 0.1;

  /** A new link's first automatic sync comes this long after linking. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SYNC_AUTO_FIRST_DELAY_MS = 60_000;

  /** How often the scheduler looks for accounts whose automatic sync is due. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SYNC_AUTO_SCAN_INTERVAL_MS = 60_000;

  /** Due accounts one scan starts per platform (the rest wait for the next scan). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SYNC_AUTO_BATCH = 200;

  /** Consecutive failed syncs of an account after which `sync.failing` tells its owner. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SYNC_FAILING_AFTER = 3;

  /** Codeforces syncs one replica runs at once (politeness). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  SYNC_CODEFORCES_CONCURRENCY = 1;

  /** Codeforces syncs started per SYNC_RATE_WINDOW_MS across every replica (BullMQ limiter). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SYNC_CODEFORCES_RATE = 20;

  /** LeetCode syncs one replica runs at once (politeness). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  SYNC_LEETCODE_CONCURRENCY = 2;

  /** LeetCode syncs started per SYNC_RATE_WINDOW_MS across every replica (BullMQ limiter). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SYNC_LEETCODE_RATE = 30;

  /** The window of the per-platform sync rates (a minute). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SYNC_RATE_WINDOW_MS = 60_000;

  /** Submissions per `user.status` page. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SYNC_PAGE_SIZE = 1000;

  /** A sync marked running for longer than this is considered dead and may be restarted. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SYNC_STALE_AFTER_MS = 15 * 60_000;

  /**
   * LeetCode problems unknown to the stored catalog that one `?format=leetcode` import may
   * look up; records of the unknown slugs beyond it are refused (QUOTA_EXCEEDED).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LEETCODE_LOOKUPS_PER_IMPORT = 100;

  /**
   * Platform problems the catalog does not know yet that one user may bring in a day through
   * imports (only they vouch for them); records of further new problems are refused.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  NEW_PROBLEMS_PER_USER_PER_DAY = 200;
}
