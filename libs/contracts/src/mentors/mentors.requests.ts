import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
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
  TASK_VERIFICATION_SOURCES,
  type TaskInput,
  type TaskVerificationRequirements,
  type TaskVerificationSource,
} from '../tasks/tasks.contract';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /me/mentors`: invite a mentor by the e-mail address of their account. */
export class InviteMentorRequest {
  @ApiProperty({ example: 'grace@example.com', maxLength: 254 })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;
}

export class TaskVerificationRequirementsRequest implements TaskVerificationRequirements {
  @ApiPropertyOptional({ example: 'ada/katas', description: 'github: owner/name' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, { message: 'must be owner/name' })
  repository?: string;

  @ApiPropertyOptional({ example: 'graphs/dijkstra.ts', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  path?: string;
}

/** A task a mentor assigns (the TaskInput of libs/contracts/src/tasks). */
export class AssignTaskRequest implements TaskInput {
  @ApiProperty({ example: 'Solve Dijkstra on a grid', minLength: 1, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiPropertyOptional({ example: 'graphs.shortest_paths', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  topic?: string;

  @ApiPropertyOptional({ description: 'Canonical problem id (leetcode / codeforces tasks)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  problemId?: string;

  @ApiProperty({ enum: TASK_VERIFICATION_SOURCES })
  @IsIn(TASK_VERIFICATION_SOURCES)
  verificationSource!: TaskVerificationSource;

  @ApiPropertyOptional({ type: TaskVerificationRequirementsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskVerificationRequirementsRequest)
  verificationRequirements?: TaskVerificationRequirementsRequest;

  @ApiPropertyOptional({ minimum: 1, maximum: 10_080 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_080)
  estimatedTimeMinutes?: number;

  @ApiPropertyOptional({ example: '2026-12-07T18:00:00Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueAt?: string;
}
