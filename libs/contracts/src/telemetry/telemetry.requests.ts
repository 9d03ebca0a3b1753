import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const PERFORMANCE_PERIODS = ['7d', '30d', '90d', 'all'] as const;
export type PerformancePeriodName = (typeof PERFORMANCE_PERIODS)[number];

/** `?limit=` (1–100, default 20) and `?cursor=` over topic stats. */
export class TopicStatsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class WeakTopicsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 5;
}

export class PerformanceQuery {
  @ApiPropertyOptional({ enum: PERFORMANCE_PERIODS, default: '30d' })
  @IsOptional()
  @IsIn(PERFORMANCE_PERIODS)
  period: PerformancePeriodName = '30d';
}

export class RevisionsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
