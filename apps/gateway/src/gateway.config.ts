import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { TokenClaimsConfig } from '@prepmate/platform';
import { parseTrustProxy, type TrustProxy } from './rate-limit/trust-proxy';

/** The gateway's own settings on top of every service's. */
export class GatewayConfig extends TokenClaimsConfig {
  /** Comma-separated origins allowed by CORS (empty: none). */
  @IsString()
  CORS_ORIGINS = 'http://localhost:5173';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  JWT_CLOCK_SKEW_SECONDS = 30;

  /** How long fetched verification keys are trusted before the JWKS is fetched again. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  JWKS_CACHE_TTL_SECONDS = 300;

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
   * The proxies in front of the gateway, whose `X-Forwarded-For` entries are believed: a hop
   * count (`1` = one load balancer) or comma-separated proxy addresses/CIDRs; `false` = none.
   */
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value) => typeof value === 'string' && 'value' in parseTrustProxy(value),
      defaultMessage: (args) => {
        const parsed = parseTrustProxy(String(args?.value));
        return 'error' in parsed ? parsed.error : 'must be a hop count or CIDR list';
      },
    },
  })
  TRUST_PROXY = 'false';

  /** The built web client (apps/web) served at `/`, relative to the working directory. */
  @IsString()
  WEB_ROOT = 'dist/web';

  @Matches(/^\d+(kb|mb)$/, { message: 'must be a size such as 1mb or 512kb' })
  JSON_BODY_LIMIT = '1mb';

  @Matches(/^\d+(kb|mb)$/, { message: 'must be a size such as 10mb' })
  IMPORT_BODY_LIMIT = '10mb';

  get trustProxy(): TrustProxy {
    const parsed = parseTrustProxy(this.TRUST_PROXY);
    return 'value' in parsed ? parsed.value : false;
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}
