import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DIFFICULTIES,
  type Difficulty,
  PLATFORMS,
  type Platform,
} from '../events/submission.events';
import { PageQuery } from '../http/pagination';
import { TOPIC_SLUG, trimString } from '../http/request-fields';

export class ProblemsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Topic slug', example: 'dynamic-programming' })
  @IsOptional()
  @IsString()
  @Matches(TOPIC_SLUG, { message: 'must be a topic slug' })
  topic?: string;

  @ApiPropertyOptional({ enum: DIFFICULTIES })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;

  @ApiPropertyOptional({ description: 'Words of the title (case and punctuation ignored)' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class BookmarkRequest {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export const FEEDBACK_TYPES = ['incorrect', 'typo', 'unclear', 'wrong_tags', 'other'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export class FeedbackRequest {
  @ApiProperty({ enum: FEEDBACK_TYPES })
  @IsIn(FEEDBACK_TYPES)
  type!: FeedbackType;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

export class NewCanonicalProblem {
  @ApiProperty({ example: 'Two Sum' })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ enum: DIFFICULTIES })
  @IsIn(DIFFICULTIES)
  difficulty!: Difficulty;

  @ApiProperty({ type: [String], example: ['arrays', 'hashing'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TOPIC_SLUG, { each: true, message: 'each topic must be a slug' })
  topics!: string[];
}

/** Exactly one of the two: map the failed problem to an existing canonical problem, or create one. */
export class ResolveFailureRequest {
  @ApiPropertyOptional({ description: 'An existing canonical problem' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  canonicalProblemId?: string;

  @ApiPropertyOptional({ type: NewCanonicalProblem })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCanonicalProblem)
  create?: NewCanonicalProblem;
}

export const TOPIC_CATEGORIES = ['DSA', 'DBMS', 'OS', 'CN', 'OOPs', 'System Design'] as const;

export class CreateTopicRequest {
  @ApiProperty({ example: 'matrix-exponentiation' })
  @IsString()
  @Length(2, 60)
  @Matches(TOPIC_SLUG, { message: 'must be lower-case words joined by -' })
  slug!: string;

  @ApiProperty({ example: 'Matrix Exponentiation' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: TOPIC_CATEGORIES })
  @IsIn(TOPIC_CATEGORIES)
  category!: string;

  @ApiProperty({ example: 4 })
  @IsNumber()
  @Min(0.5)
  @Max(200)
  estimatedHours!: number;

  @ApiPropertyOptional({ type: [String], example: ['math'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TOPIC_SLUG, { each: true, message: 'each prerequisite must be a topic slug' })
  prerequisites?: string[];
}

export class AddTagAliasRequest {
  @ApiProperty({ example: 'Matrix Power', description: 'A platform tag (normalized on save)' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  tag!: string;

  @ApiPropertyOptional({ enum: PLATFORMS, description: 'Omit for every platform' })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;
}
