import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { TokenClaimsConfig } from '@prepmate/platform';
import { parseTrustProxy, type TrustProxy } from './rate-limit/trust-proxy';

/** The local web client, allowed by CORS in development and tests when nothing is set. */
const DEV_CORS_ORIGINS = 'http://localhost:5173';

/** The gateway's own settings on top of every service's. */
export class GatewayConfig extends TokenClaimsConfig {
  /**
   * Comma-separated origins allowed by CORS. Required in production (no default there: a
   * forgotten setting must not allow a development origin); elsewhere the local web client's.
   */
  @ValidateIf(
    (config: GatewayConfig) =>
      config.NODE_ENV === 'production' || config.CORS_ORIGINS !== undefined,
  )
  @Matches(/^\s*https?:\/\/[^\s,/]+\s*(,\s*https?:\/\/[^\s,/]+\s*)*$/, {
    message:
      'must be comma-separated origins such as https://app.example.com (required in production)',
  })
  CORS_ORIGINS?: string;

  /**
   * Port of `/health/ready` and `/metrics` (probes, Prometheus), kept off the public API port,
   * which then answers 404 for them. Required in production; unset elsewhere, they stay on
   * HTTP_PORT (npm start, tests). 0 picks a free port.
   */
  @ValidateIf(
    (config: GatewayConfig) => config.NODE_ENV === 'production' || config.OPS_PORT !== undefined,
  )
  @Type(() => Number)
  @IsInt({ message: 'must be a port number (required in production)' })
  @Min(0)
  @Max(65_535)
  OPS_PORT?: number;

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

  /**
   * How long the advisory routes wait for the service: a model call may take its timeout
   * (OPENAI_TIMEOUT_MS, 20 s) twice (an answer and one retry), plus the context reads.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  ADVISORY_RPC_TIMEOUT_MS = 45_000;

  @Matches(/^\d+(kb|mb)$/, { message: 'must be a size such as 1mb or 512kb' })
  JSON_BODY_LIMIT = '1mb';

  @Matches(/^\d+(kb|mb)$/, { message: 'must be a size such as 10mb' })
  IMPORT_BODY_LIMIT = '10mb';

  get trustProxy(): TrustProxy {
    const parsed = parseTrustProxy(this.TRUST_PROXY);
    return 'value' in parsed ? parsed.value : false;
  }

  get corsOrigins(): string[] {
    return (this.CORS_ORIGINS ?? DEV_CORS_ORIGINS)
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}
