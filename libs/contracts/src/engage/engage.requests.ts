import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { GOAL_KINDS, type GoalKind } from '../events/goal.events';
import { TOPIC_SLUG } from '../http/request-fields';

/** Largest target of a counting goal (problems, minutes: a week has 10 080 minutes). */
export const GOAL_MAX_TARGET = 10_080;

/**
 * A weekly goal. `problems` and `minutes` take a whole target ≥ 1; `topic_mastery` takes a
 * mastery in (0, 1] and the topic's slug (docs/product.md#weekly-goals).
 */
export class CreateGoalRequest {
  @ApiProperty({ enum: GOAL_KINDS })
  @IsIn(GOAL_KINDS)
  kind!: GoalKind;

  @ApiProperty({
    description: 'problems / minutes: a whole number ≥ 1; topic_mastery: 0 < target ≤ 1',
  })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  @Max(GOAL_MAX_TARGET)
  target!: number;

  @ApiPropertyOptional({
    description: 'a taxonomy slug; required for topic_mastery, refused otherwise',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(TOPIC_SLUG, { message: 'topic must be a taxonomy slug' })
  topic?: string;
}

/** Changes a goal's target (its kind and topic stay; delete and create for another goal). */
export class UpdateGoalRequest {
  @ApiProperty({ description: 'as for creation, by the goal kind' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  @Max(GOAL_MAX_TARGET)
  target!: number;
}
