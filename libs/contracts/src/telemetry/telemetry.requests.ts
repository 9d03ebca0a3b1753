import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../http/pagination';

export const PERFORMANCE_PERIODS = ['7d', '30d', '90d', 'all'] as const;
export type PerformancePeriodName = (typeof PERFORMANCE_PERIODS)[number];

export class WeakTopicsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 5 })
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

/** `?limit=` of the due revisions, as every list's (1–100, default 20). */
export class RevisionsQuery extends PickType(PageQuery, ['limit'] as const) {}
