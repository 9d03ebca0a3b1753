import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Min } from 'class-validator';
import { TokenClaimsConfig } from '@prepmate/platform';

/** The gateway's own settings on top of every service's. */
export class GatewayConfig extends TokenClaimsConfig {
  /** Comma-separated origins allowed by CORS (empty: none). */
  @IsString()
  CORS_ORIGINS = 'http://localhost:5173';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  JWT_CLOCK_SKEW_SECONDS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_USER_PER_MINUTE = 100;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ANONYMOUS_PER_MINUTE = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ADVISORY_PER_MINUTE = 10;

  /**
   * How long the advisory routes wait for the service: a model call may take its timeout
   * (OPENAI_TIMEOUT_MS, 20 s) twice (an answer and one retry), plus the context reads.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  ADVISORY_RPC_TIMEOUT_MS = 45_000;

  /** Behind a load balancer: take the client IP from X-Forwarded-For. */
  @Type(() => Boolean)
  @IsBoolean()
  TRUST_PROXY = false;

  @Matches(/^\d+(kb|mb)$/, { message: 'must be a size such as 1mb or 512kb' })
  JSON_BODY_LIMIT = '1mb';

  @Matches(/^\d+(kb|mb)$/, { message: 'must be a size such as 10mb' })
  IMPORT_BODY_LIMIT = '10mb';

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}
