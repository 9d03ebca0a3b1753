import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Difficulty } from '../events/submission.events';
import { ProblemPlatformResponse } from '../problems/problems.responses';

class ByDifficulty {
  @ApiProperty() easy!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() hard!: number;
}

/** One user's stats on one topic (docs/product.md#topic-statistics), as of the read. */
export class TopicStatsResponse {
  @ApiProperty({ example: 'dynamic-programming' }) topic!: string;
  @ApiProperty({ example: 'Dynamic Programming' }) topicName!: string;
  @ApiProperty() totalAttempts!: number;
  @ApiProperty() successfulAttempts!: number;
  @ApiProperty() failedAttempts!: number;
  @ApiProperty() successRate!: number;
  @ApiProperty({ type: ByDifficulty }) attemptsByDifficulty!: Record<Difficulty, number>;
  @ApiProperty({ type: ByDifficulty }) successByDifficulty!: Record<Difficulty, number>;
  @ApiProperty({ nullable: true, type: Number }) avgSolveTimeSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianSolveTimeSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) minSolveTimeSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxSolveTimeSeconds!: number | null;
  @ApiProperty() uniqueProblemsAttempted!: number;
  @ApiProperty() uniqueProblemsSolved!: number;
  @ApiProperty({ nullable: true, type: String }) lastActivity!: string | null;
  @ApiProperty({ nullable: true, type: Number }) daysSinceLastActivity!: number | null;
  @ApiProperty({ description: 'BKT P(L), 0..1' }) estimatedMastery!: number;
  @ApiProperty({ enum: ['improving', 'declining', 'stable'] }) masteryTrend!: string;
  @ApiProperty({ enum: ['high', 'medium', 'low', 'critical'] }) retentionLevel!: string;
  @ApiProperty({ description: '0..100' }) consistencyScore!: number;
  @ApiProperty({ description: '0..100' }) engagementScore!: number;
  @ApiProperty({ description: '−1..1' }) difficultyAdaptation!: number;
  @ApiProperty() problemsDueForRevision!: number;
  @ApiProperty() problemsInCriticalState!: number;
  @ApiProperty({ description: 'share of users on the topic at or below this mastery, 0..100' })
  percentileRank!: number;
  @ApiProperty({ description: 'mastery minus the mean mastery of users on the topic' })
  comparisonVsAverage!: number;
}

export class PerformancePointResponse {
  @ApiProperty({ example: '2026-03-01' }) date!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() distinctProblems!: number;
}

export class PerformanceChangeResponse {
  @ApiProperty() attempts!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() successRate!: number;
}

export class PerformanceSummaryResponse {
  @ApiProperty() attempts!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() distinctProblems!: number;
  @ApiProperty() successRate!: number;
  @ApiPropertyOptional({
    type: PerformanceChangeResponse,
    nullable: true,
    description: 'this period minus the previous one of the same length; null for `all`',
  })
  change!: PerformanceChangeResponse | null;
}

export class PerformanceResponse {
  @ApiProperty({ enum: ['7d', '30d', '90d', 'all'] }) period!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [PerformancePointResponse] }) dataPoints!: PerformancePointResponse[];
  @ApiProperty({ type: PerformanceSummaryResponse }) summary!: PerformanceSummaryResponse;
}

export class RevisionResponse {
  @ApiProperty() canonicalProblemId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'null only while the problem catalog cannot be reached',
  })
  title!: string | null;
  @ApiProperty({ type: [ProblemPlatformResponse], description: 'where to solve it again' })
  platforms!: ProblemPlatformResponse[];
  @ApiProperty({ enum: ['easy', 'medium', 'hard'] }) difficulty!: Difficulty;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty() due!: string;
  @ApiProperty({ nullable: true, type: String }) lastReview!: string | null;
  @ApiProperty({ description: 'probability of recall now, 0..1' }) retrievability!: number;
  @ApiProperty() reps!: number;
  @ApiProperty() lapses!: number;
  @ApiProperty({ enum: ['new', 'learning', 'review', 'relearning'] }) state!: string;
}

/** One canonical problem the user has solved (an accepted attempt), for other services. */
export interface SolvedProblem {
  canonicalProblemId: string;
  difficulty: Difficulty;
  topics: string[];
  /** The last review of its revision card (a solve or a failed re-solve), ISO 8601. */
  lastReviewedAt: string | null;
  /** Probability of recall now (FSRS), 0..1; under 0.5 the card is critical. */
  retrievability: number | null;
}

/** `aggregation.solved_problems`: every distinct canonical problem the caller has solved. */
export interface SolvedProblemsResponse {
  items: SolvedProblem[];
}
