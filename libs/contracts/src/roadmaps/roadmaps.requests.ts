import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
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
import { TOPIC_SLUG, trimString } from '../http/request-fields';

export const ROADMAP_LAYERS = ['core', 'reinforcement', 'advanced', 'optional'] as const;
export type RoadmapLayer = (typeof ROADMAP_LAYERS)[number];

/** A topic's place on a roadmap. Weight rules (0 < w ≤ 1, optional ≤ 0.3) are checked with the roadmap. */
export class RoadmapTopicInput {
  @ApiProperty({ example: 'dynamic-programming' })
  @IsString()
  @Matches(TOPIC_SLUG, { message: 'must be a topic slug' })
  topic!: string;

  @ApiProperty({ example: 0.8, description: 'relative weight, 0 < w ≤ 1' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weight!: number;

  @ApiProperty({ enum: ROADMAP_LAYERS })
  @IsIn(ROADMAP_LAYERS)
  layer!: RoadmapLayer;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  priority?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 0.6 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  completionThreshold?: number;

  @ApiPropertyOptional({ type: [String], description: 'slugs of topics of the same roadmap' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(TOPIC_SLUG, { each: true, message: 'each dependency must be a topic slug' })
  dependencies?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: "default: the topic's estimate" })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  estimatedHours?: number;
}

export class CreateRoadmapRequest {
  @ApiProperty({ example: 'My FAANG plan' })
  @Transform(trimString)
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ example: 'Backend Engineer' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  targetRole?: string;

  @ApiProperty({ type: [RoadmapTopicInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoadmapTopicInput)
  topics!: RoadmapTopicInput[];
}

/** Topics added to a custom roadmap: the same list, and rules, as when creating one. */
export class AddRoadmapTopicsRequest extends PickType(CreateRoadmapRequest, ['topics'] as const) {}

export class UpdateRoadmapTopicRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weight?: number;

  @ApiPropertyOptional({ enum: ROADMAP_LAYERS })
  @IsOptional()
  @IsIn(ROADMAP_LAYERS)
  layer?: RoadmapLayer;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(TOPIC_SLUG, { each: true, message: 'each dependency must be a topic slug' })
  dependencies?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  completionThreshold?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  priority?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  estimatedHours?: number;
}

export class PciQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'overrides every topic threshold' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  masteryThreshold?: number;
}

export class TimeEstimateQuery {
  @ApiPropertyOptional({ type: Number, minimum: 0.25, maximum: 24, default: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.25)
  @Max(24)
  hoursPerDay = 2;
}

export class RecommendationsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 5;
}
