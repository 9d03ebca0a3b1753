import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { ADVISORY_PROVIDERS, type AdvisoryProviderName } from '@prepmate/contracts';
import { ServiceConfig } from '@prepmate/platform';

const url = { require_tld: false, require_protocol: true };

/** Advisory's own settings on top of every service's (docs/advisory.md). */
export class AdvisoryConfig extends ServiceConfig {
  /** Who answers users' requests: `rules` (deterministic, offline) or `openai` (any compatible endpoint). */
  @IsIn(ADVISORY_PROVIDERS)
  ADVISORY_PROVIDER: AdvisoryProviderName = 'rules';

  /** Chat Completions base URL of an OpenAI-compatible endpoint (`…/v1`). */
  @IsUrl(url)
  OPENAI_BASE_URL = 'https://api.openai.com/v1';

  /** API key of the endpoint; required when the provider is `openai`. Never logged. */
  @ValidateIf((config: AdvisoryConfig) => config.ADVISORY_PROVIDER === 'openai')
  @IsString()
  @Length(1, 500, { message: 'must be set when ADVISORY_PROVIDER is openai' })
  OPENAI_API_KEY?: string;

  @IsString()
  @Length(1, 200)
  OPENAI_MODEL = 'gpt-4o-mini';

  /** Time limit of one model call; a slower answer is a provider timeout. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  OPENAI_TIMEOUT_MS = 20_000;

  /** Completion tokens one call may produce (`max_tokens`). */
  @Type(() => Number)
  @IsInt()
  @Min(64)
  @Max(16_384)
  OPENAI_MAX_TOKENS = 800;

  /** Tokens (prompt + completion) a user may spend on model calls per UTC day; then `rules`. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  ADVISORY_DAILY_TOKEN_BUDGET = 50_000;

  /** Consecutive provider failures (errors, timeouts, 429s) that open the circuit. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  ADVISORY_CIRCUIT_FAILURE_THRESHOLD = 5;

  /** How long an open circuit answers from `rules` before one trial call. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  ADVISORY_CIRCUIT_HALF_OPEN_AFTER_MS = 60_000;

  /** A user's advice is recomputed this long after their last `pci.recomputed`. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  ADVISORY_ADVICE_DEBOUNCE_MS = 5_000;

  /** Days the request and response bodies of an inference are kept. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  INFERENCE_BODY_RETENTION_DAYS = 30;

  /** How often the job that drops expired bodies runs. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  INFERENCE_PRUNE_EVERY_MS = 3_600_000;

  /** Optional override of the roadmap used when a user follows none. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  ADVISORY_DEFAULT_ROADMAP = 'interview-core';
}
