import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/pagination';
import {
  TASK_STATUSES,
  TASK_VERIFICATION_SOURCES,
  type TaskInput,
  type TaskStatus,
  type TaskVerificationRequirements,
  type TaskVerificationSource,
} from './tasks.contract';
import { TOPIC_SLUG, trimString } from '../http/request-fields';

/** `owner/name` as GitHub allows them. */
const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/(?!\.+$)[A-Za-z0-9._-]{1,100}$/;

export class TaskVerificationRequirementsInput implements TaskVerificationRequirements {
  @ApiPropertyOptional({ example: 'octocat/hello-world', description: 'github: public repository' })
  @IsOptional()
  @IsString()
  @Matches(REPOSITORY, { message: 'repository must be owner/name' })
  repository?: string;

  @ApiPropertyOptional({ example: 'src/graphs', description: 'github: a path the commit touches' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(/^[^\0\r\n]+$/, { message: 'path must be one line' })
  path?: string;
}

/** `POST /tasks` (and the mentor's assignment): rules across fields are checked by roadmap. */
export class CreateTaskRequest implements TaskInput {
  @ApiProperty({ example: 'Solve Move and Turn with a DP over parity' })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiPropertyOptional({ example: 'dynamic-programming' })
  @IsOptional()
  @IsString()
  @Matches(TOPIC_SLUG, { message: 'topic must be a topic slug' })
  topic?: string;

  @ApiPropertyOptional({ description: 'canonical problem id (leetcode / codeforces tasks)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  problemId?: string;

  @ApiProperty({ enum: TASK_VERIFICATION_SOURCES })
  @IsIn(TASK_VERIFICATION_SOURCES)
  verificationSource!: TaskVerificationSource;

  @ApiPropertyOptional({ type: TaskVerificationRequirementsInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskVerificationRequirementsInput)
  verificationRequirements?: TaskVerificationRequirementsInput;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  estimatedTimeMinutes?: number;

  @ApiPropertyOptional({ example: '2026-12-01T18:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

/** `PATCH /tasks/:id`: what changes, at the version read (pending or in-progress tasks only). */
export class UpdateTaskRequest {
  @ApiProperty({ description: 'the version read; a concurrent change → 409' })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(TOPIC_SLUG, { message: 'topic must be a topic slug' })
  topic?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  problemId?: string;

  @ApiPropertyOptional({ enum: TASK_VERIFICATION_SOURCES })
  @IsOptional()
  @IsIn(TASK_VERIFICATION_SOURCES)
  verificationSource?: TaskVerificationSource;

  @ApiPropertyOptional({ type: TaskVerificationRequirementsInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskVerificationRequirementsInput)
  verificationRequirements?: TaskVerificationRequirementsInput;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  estimatedTimeMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

/** `GET /tasks?status=&cursor=`: newest first. */
export class TaskListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;
}

/** `POST /tasks/from-advice`: a task from advisory's next task for the learner. */
export class TaskFromAdviceRequest {
  @ApiPropertyOptional({ description: 'roadmap to advance (default: the one followed)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  roadmapId?: string;

  @ApiPropertyOptional({ example: 'graphs', description: 'topic to practise (default: advised)' })
  @IsOptional()
  @IsString()
  @Matches(TOPIC_SLUG, { message: 'topic must be a topic slug' })
  topic?: string;

  @ApiPropertyOptional({
    enum: ['leetcode', 'codeforces'],
    description: "default: the advised problem's platform, else leetcode",
  })
  @IsOptional()
  @IsIn(['leetcode', 'codeforces'])
  verificationSource?: 'leetcode' | 'codeforces';
}

/** `POST /tasks/:id/reflection`: the learner's words, else the stored draft. */
export class TaskReflectionRequest {
  @ApiPropertyOptional({ description: 'default: the reflection draft of the task' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 5000)
  text?: string;
}
