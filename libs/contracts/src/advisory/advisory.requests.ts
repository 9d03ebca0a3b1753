import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TOPIC_SLUG, trimString } from '../http/request-fields';

/** Where a learner proves a task done (docs/advisory.md). */
export const VERIFICATION_SOURCES = ['leetcode', 'codeforces', 'github'] as const;
export type VerificationSource = (typeof VERIFICATION_SOURCES)[number];

export class GenerateTaskRequest {
  @ApiPropertyOptional({
    description: 'Roadmap to advance; default: the first roadmap I follow, else Interview Core',
    example: 'interview-core',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  roadmapId?: string;

  @ApiPropertyOptional({
    description: 'Topic slug to practise instead of the top recommended one',
    example: 'two-pointers',
  })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  @Matches(TOPIC_SLUG, { message: 'must be a topic slug' })
  topic?: string;
}

/** The verified submission a reflection is about. */
export class VerificationRequest {
  @ApiProperty({ enum: VERIFICATION_SOURCES })
  @IsIn(VERIFICATION_SOURCES)
  source!: VerificationSource;

  @ApiProperty({
    description: 'Submission URL or id, or the repository commit',
    example: 'https://codeforces.com/contest/4/submission/123',
  })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  reference!: string;

  @ApiProperty({ description: 'Whether the platform accepted it' })
  @IsBoolean()
  accepted!: boolean;

  @ApiPropertyOptional({ description: 'Canonical problem id, when the task named one' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  problemId?: string;

  @ApiPropertyOptional({ example: 'C++' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 40)
  language?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  solveTimeMinutes?: number;

  @ApiPropertyOptional({ description: 'What the learner wrote about it (treated as data)' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  notes?: string;
}

export class ReflectionRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  taskDescription!: string;

  @ApiProperty({ type: VerificationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => VerificationRequest)
  verification!: VerificationRequest;
}

export class ExtractSkillsRequest {
  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'I used a monotonic stack and BFS.' })
  @Transform(trimString)
  @IsString()
  @Length(1, 4000)
  text!: string;
}
