import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PLATFORMS, type Platform, VERDICTS, type Verdict } from '../events/submission.events';
import { PageQuery } from '../http/pagination';
import { trimString } from '../http/request-fields';

/** `:platform` in a route. */
export class PlatformParams {
  @ApiProperty({ enum: PLATFORMS })
  @IsIn(PLATFORMS, { message: `must be one of ${PLATFORMS.join(', ')}` })
  platform!: Platform;
}

/**
 * A cookie value as HTTP allows it (RFC 6265 cookie-octets: visible ASCII except space, `"`,
 * `,`, `;` and `\\`). Anything else (a newline, a non-ASCII letter) would make the request
 * header invalid, and the error would carry the cookie: refused when the account is linked.
 */
export const SESSION_COOKIE_PATTERN = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;

export class LinkIntegrationRequest {
  @ApiProperty({ example: 'tourist', description: 'Your handle on the platform' })
  @Transform(trimString)
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'may contain letters, digits, _ . and - only' })
  username!: string;

  @ApiPropertyOptional({
    description:
      'LeetCode only: the LEETCODE_SESSION cookie, for the full submission history. Stored ' +
      'encrypted (AES-256-GCM) and never returned.',
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @Length(20, 4096)
  @Matches(SESSION_COOKIE_PATTERN, {
    message:
      'may contain visible ASCII characters only, without spaces, quotes, commas, semicolons or backslashes',
  })
  sessionCookie?: string;
}

export const IMPORT_FORMATS = ['prepmate', 'codeforces', 'leetcode'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export class ImportQuery {
  @ApiPropertyOptional({
    enum: IMPORT_FORMATS,
    default: 'prepmate',
    description:
      'prepmate: `{ platform, submissions[] }`; codeforces: the body of the API method ' +
      '`user.status` (or its `result` array); leetcode: LeetCode GraphQL responses ' +
      '(`submissionList`, `questionSubmissionList` or `recentAcSubmissionList`, one or an array).',
  })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format: ImportFormat = 'prepmate';
}

/** The most submissions one import request may carry (docs/product.md); more is a 413. */
export const MAX_IMPORT_SUBMISSIONS = 10_000;

export class ImportedProblemDto {
  @ApiProperty({ example: 'two-sum' })
  platformProblemId!: string;
  @ApiPropertyOptional({ example: 'Two Sum' })
  title?: string;
  @ApiPropertyOptional({ enum: ['easy', 'medium', 'hard'], nullable: true })
  difficulty?: string | null;
  @ApiPropertyOptional({ nullable: true, example: null })
  rating?: number | null;
  @ApiPropertyOptional({ type: [String], example: ['Array', 'Hash Table'] })
  tags?: string[];
  @ApiPropertyOptional({ example: 'https://leetcode.com/problems/two-sum/' })
  url?: string | null;
}

export class ImportedSubmissionDto {
  @ApiProperty({ example: '1187262337' })
  platformSubmissionId!: string;
  @ApiProperty({ type: ImportedProblemDto })
  problem!: ImportedProblemDto;
  @ApiProperty({ enum: VERDICTS })
  verdict!: Verdict;
  @ApiProperty({ example: '2026-03-01T10:00:00Z' })
  submittedAt!: string;
  @ApiPropertyOptional({ example: 'python3' })
  language?: string;
  @ApiPropertyOptional({ example: 52 })
  runtimeMs?: number;
  @ApiPropertyOptional({ example: 17400 })
  memoryKb?: number;
  @ApiPropertyOptional({ example: 640 })
  solveTimeSeconds?: number;
}

/**
 * Documentation of the PrepMate import body. The records are checked one by one by the
 * ingestion service (a bad record is rejected with its index, the others are kept), so this
 * class is not a whole-body validator.
 */
export class ImportSubmissionsBody {
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty({ type: [ImportedSubmissionDto], maxItems: MAX_IMPORT_SUBMISSIONS })
  submissions!: ImportedSubmissionDto[];
}

export class SyncLogsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;
}

export class SubmissionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ enum: VERDICTS })
  @IsOptional()
  @IsIn(VERDICTS)
  verdict?: Verdict;
}
