import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DIFFICULTIES,
  type Difficulty,
  PLATFORMS,
  type Platform,
} from '../events/submission.events';
import type { FeedbackType } from './problems.requests';

export class TopicResponse {
  @ApiProperty({ example: 'dynamic-programming' })
  slug!: string;
  @ApiProperty({ example: 'Dynamic Programming' })
  name!: string;
  @ApiProperty({ example: 'DSA' })
  category!: string;
  @ApiProperty({ example: 20 })
  estimatedHours!: number;
  @ApiProperty({ type: [String], example: ['recursion-backtracking'] })
  prerequisites!: string[];
}

export class ProblemPlatformResponse {
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty()
  platformProblemId!: string;
  @ApiProperty({ nullable: true, type: String })
  url!: string | null;
  @ApiPropertyOptional()
  firstSeen?: string;
  @ApiPropertyOptional({
    description:
      'Read from the platform or confirmed by an admin; false: only imports vouch for it',
  })
  verified?: boolean;
}

/** What other services show of a canonical problem: its title and where to solve it. */
export class ProblemSummaryResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: [ProblemPlatformResponse] })
  platforms!: ProblemPlatformResponse[];
}

export class AggregateTelemetryResponse {
  @ApiProperty()
  totalSubmissions!: number;
  @ApiProperty()
  acceptedSubmissions!: number;
  @ApiProperty()
  successRate!: number;
  @ApiProperty({ nullable: true, type: Number })
  meanSolveTimeSeconds!: number | null;
}

export class ProblemResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ enum: DIFFICULTIES })
  difficulty!: Difficulty;
  @ApiProperty({ type: [String] })
  topics!: string[];
  @ApiProperty({ type: [String] })
  normalizedTags!: string[];
  @ApiProperty({ type: [ProblemPlatformResponse] })
  platforms!: ProblemPlatformResponse[];
  @ApiProperty({ type: AggregateTelemetryResponse })
  aggregateTelemetry!: AggregateTelemetryResponse;
  @ApiProperty({ nullable: true, type: Number })
  interviewFrequency!: number | null;
  @ApiProperty({ description: 'Flagged after 3 open feedback reports' })
  flagged!: boolean;
  @ApiProperty()
  openReports!: number;
  @ApiProperty({
    description:
      'Confirmed by a platform adapter or an admin. Unconfirmed problems are shown only to the users whose imports carried them',
  })
  verified!: boolean;
  @ApiProperty()
  createdAt!: string;
}

export class BookmarkResponse {
  @ApiProperty()
  problemId!: string;
  @ApiProperty({ nullable: true, type: String })
  notes!: string | null;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty()
  updatedAt!: string;
  @ApiPropertyOptional({ type: ProblemResponse })
  problem?: ProblemResponse | null;
}

export class FeedbackResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  problemId!: string;
  @ApiProperty()
  type!: FeedbackType;
  @ApiProperty()
  comment!: string;
  @ApiProperty({ enum: ['open', 'resolved'] })
  status!: 'open' | 'resolved';
  @ApiProperty()
  createdAt!: string;
  @ApiProperty({ description: 'The problem is now flagged for review' })
  problemFlagged!: boolean;
}

export class NormalizationFailureResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty()
  platformProblemId!: string;
  @ApiProperty()
  reason!: string;
  @ApiProperty({ description: 'The platform problem as received' })
  rawProblem!: Record<string, unknown>;
  @ApiProperty({ description: 'Submissions held until the failure is resolved' })
  heldSubmissions!: number;
  @ApiProperty({
    enum: ['open', 'resolving', 'resolved'],
    description:
      'resolving: an admin decided, the resolution has not finished (a retry with the same target, or the sweep within minutes, finishes it)',
  })
  status!: 'open' | 'resolving' | 'resolved';
  @ApiProperty()
  firstSeen!: string;
  @ApiProperty()
  lastSeen!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  resolvedCanonicalProblemId?: string | null;
}

export class ResolveFailureResponse {
  @ApiProperty()
  failureId!: string;
  @ApiProperty()
  canonicalProblemId!: string;
  @ApiProperty({ description: 'Held submissions now normalized and published' })
  republished!: number;
}

export class PossibleDuplicateResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty({ description: 'The canonical problem created' })
  problemId!: string;
  @ApiProperty()
  problemTitle!: string;
  @ApiProperty({ description: 'The existing canonical problem it resembles' })
  candidateId!: string;
  @ApiProperty()
  candidateTitle!: string;
  @ApiProperty()
  confidence!: number;
  @ApiProperty()
  createdAt!: string;
}

export class UnmappedTagResponse {
  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;
  @ApiProperty({ example: 'interactive-proofs' })
  tag!: string;
  @ApiProperty({ description: 'Platform problems seen with this tag' })
  count!: number;
  @ApiProperty()
  lastSeen!: string;
}

export class TagAliasResponse {
  @ApiProperty()
  alias!: string;
  @ApiProperty()
  topic!: string;
  @ApiProperty({ nullable: true, enum: PLATFORMS })
  platform!: Platform | null;
}
