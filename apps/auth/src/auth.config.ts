import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { EnvBoolean, TokenClaimsConfig } from '@prepmate/platform';

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

  /**
   * SMTP server of notification emails (docs/operations.md, "Email"). Without a host no email
   * is sent (in-app notifications still work) and the log says so at start.
   */
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_535)
  SMTP_PORT = 587;

  /** TLS from the first byte (port 465); false means STARTTLS when the server offers it. */
  @EnvBoolean()
  SMTP_SECURE = false;

  /** Login of the SMTP server, when it requires one (then with SMTP_PASSWORD). */
  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @ValidateIf((config: AuthConfig) => config.SMTP_USER !== undefined)
  @IsString({ message: 'is required when SMTP_USER is set' })
  SMTP_PASSWORD?: string;

  /** Sender of every notification email, e.g. `PrepMate <no-reply@example.com>`. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'PrepMate <no-reply@prepmate.local>';

  /** Where learners reach the gateway: the base of the unsubscribe links in emails. */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /**
   * Key of the unsubscribe links' HMAC (at least 32 characters). When absent it is derived
   * from the access-token signing key, so every replica agrees; rotating that key then
   * invalidates the links of emails already sent (docs/security.md).
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  UNSUBSCRIBE_SECRET?: string;

  /** The daily digest is sent at this hour (0–23) in each learner's time zone. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(23)
  NOTIFY_DIGEST_HOUR = 8;

  /** How often the learners whose digest is due are looked for (by their next-digest time). */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  NOTIFY_DIGEST_SCAN_MS = 60_000;

  /** Read notifications are deleted this many days after they were read (docs/product.md#notifications). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETENTION_DAYS = 90;

  /** How often the notification retention sweep runs (and once at start). */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  NOTIFICATION_SWEEP_EVERY_MS = 60 * 60_000;

  /** Notifications one retention batch deletes (a pass runs batches until none is full, at most 20). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  NOTIFICATION_SWEEP_BATCH = 500;

  /** Pending invitations one mentor may hold; a student's invitation past it is a 409 (docs/product.md#mentors). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  MENTOR_MAX_PENDING_INVITATIONS = 200;
}
