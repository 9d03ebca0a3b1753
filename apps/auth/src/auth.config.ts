import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { TokenClaimsConfig } from '@prepmate/platform';

/** Auth's own settings on top of every service's. */
export class AuthConfig extends TokenClaimsConfig {
  /** PEM (PKCS#8) RSA private key that signs access tokens. Required in production. */
  @IsOptional()
  @IsString()
  JWT_PRIVATE_KEY?: string;

  /** Public keys (PEM, concatenated) of keys being rotated out; still served in the JWKS. */
  @IsOptional()
  @IsString()
  JWT_PREVIOUS_PUBLIC_KEYS?: string;

  /** Where a development key pair is generated when no key is configured (git-ignored). */
  @IsString()
  JWT_DEV_KEYS_DIR = '.local/keys';

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** How often expired refresh tokens and families are deleted (FerretDB has no TTL index). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  REFRESH_TOKEN_SWEEP_INTERVAL_MS = 60 * 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

  /** argon2id memory cost (KiB); OWASP's minimum is 19 MiB. */
  @Type(() => Number)
  @IsInt()
  @Min(19_456)
  PASSWORD_HASH_MEMORY_KIB = 19_456;

  @IsIn(['argon2id'])
  PASSWORD_HASH = 'argon2id' as const;
}
