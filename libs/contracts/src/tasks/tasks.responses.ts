import { ApiProperty } from '@nestjs/swagger';
import type { TaskStatus, TaskVerificationSource } from './tasks.contract';
import { TASK_STATUSES, TASK_VERIFICATION_SOURCES } from './tasks.contract';
import { PostResponse } from '../synergy/synergy.responses';
import { TaskVerificationRequirementsInput } from './tasks.requests';

/** One step of a task's life: the state audit a learner can read. */
export class TaskTransitionResponse {
  @ApiProperty({ enum: TASK_STATUSES, nullable: true, type: String }) from!: TaskStatus | null;
  @ApiProperty({ enum: TASK_STATUSES }) to!: TaskStatus;
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'verification started', description: 'why, in words' })
  cause!: string;
}

/** What proved a completed task. */
export class TaskEvidenceResponse {
  @ApiProperty({ enum: ['submission', 'commit'] }) kind!: 'submission' | 'commit';
  @ApiProperty({ example: 'codeforces:101778306' }) ref!: string;
  @ApiProperty() at!: string;
}

export class TaskResponse {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String, description: "the mentor's id when assigned" })
  assignedBy!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) topic!: string | null;
  @ApiProperty({ nullable: true, type: String }) problemId!: string | null;
  @ApiProperty({ enum: TASK_VERIFICATION_SOURCES }) verificationSource!: TaskVerificationSource;
  @ApiProperty({ type: TaskVerificationRequirementsInput })
  verificationRequirements!: TaskVerificationRequirementsInput;
  @ApiProperty({ nullable: true, type: Number }) estimatedTimeMinutes!: number | null;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ nullable: true, type: String, description: 'when work started (first start)' })
  startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why the last verification failed' })
  failureReason!: string | null;
  @ApiProperty({ nullable: true, type: TaskEvidenceResponse })
  evidence!: TaskEvidenceResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'the reflection post, once posted' })
  reflectionPostId!: string | null;
  @ApiProperty({ type: [TaskTransitionResponse], description: 'state audit, oldest first' })
  history!: TaskTransitionResponse[];
  @ApiProperty({ description: 'bumped by every change; PATCH sends the one it read' })
  version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** `POST /tasks/:id/reflection`: the task (with `reflectionPostId`) and the post made. */
export class TaskReflectionResponse {
  @ApiProperty({ type: TaskResponse }) task!: TaskResponse;
  @ApiProperty({ type: PostResponse }) post!: PostResponse;
}
