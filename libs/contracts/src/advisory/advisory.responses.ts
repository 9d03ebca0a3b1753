import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Difficulty, Platform } from '../events/submission.events';
import type { VerificationSource } from './advisory.requests';

export const ADVISORY_PROVIDERS = ['rules', 'openai'] as const;
export type AdvisoryProviderName = (typeof ADVISORY_PROVIDERS)[number];

export const ADVISORY_OPERATIONS = ['task', 'reflection', 'skills', 'advice'] as const;
export type AdvisoryOperation = (typeof ADVISORY_OPERATIONS)[number];

/** Why the `rules` provider answered instead of the configured model (docs/advisory.md). */
export const FALLBACK_REASONS = [
  'guardrail_rejected',
  'provider_error',
  'provider_timeout',
  'provider_rate_limited',
  'circuit_open',
  'token_budget_exhausted',
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** Who answered and whether it was the fallback; every advisory answer carries it. */
export class AdvisoryProvenance {
  @ApiProperty({ enum: ADVISORY_PROVIDERS }) provider!: AdvisoryProviderName;
  @ApiProperty({ nullable: true, type: String, description: 'model name; null for rules' })
  model!: string | null;
  @ApiProperty() fallbackUsed!: boolean;
  @ApiProperty({ enum: FALLBACK_REASONS, nullable: true, type: String })
  fallbackReason!: FallbackReason | null;
  @ApiProperty({ nullable: true, type: String, description: 'what went wrong, in words' })
  fallbackDetail!: string | null;
  @ApiProperty({ description: 'id of the inference log entry' }) inferenceId!: string;
}

export class TaskProblemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['easy', 'medium', 'hard'] }) difficulty!: Difficulty;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ nullable: true, type: String }) platform!: Platform | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
}

export class RevisionFirstResponse {
  @ApiProperty() canonicalProblemId!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ description: 'probability of recall now (< 0.5: critical)' })
  retrievability!: number;
}

export class GeneratedTaskResponse {
  @ApiProperty({ minLength: 20, maxLength: 500 }) description!: string;
  @ApiProperty({ minimum: 1, maximum: 10, description: 'within ±1 of the rounded level' })
  difficulty!: number;
  @ApiProperty({ enum: ['leetcode', 'codeforces', 'github'] })
  verificationSource!: VerificationSource;
  @ApiProperty({ type: [String] }) verificationRequirements!: string[];
  @ApiProperty({ minimum: 30, maximum: 240 }) estimatedTimeMinutes!: number;
  @ApiProperty({ type: [String], description: 'taxonomy topic slugs' }) skills!: string[];
  @ApiProperty({ type: TaskProblemResponse, description: 'the unsolved canonical problem' })
  problem!: TaskProblemResponse;
  @ApiProperty() topic!: string;
  @ApiProperty() topicName!: string;
  @ApiProperty({ type: [RevisionFirstResponse], description: 'critical cards to revise first' })
  revisionsFirst!: RevisionFirstResponse[];
}

export class LearnerLevelResponse {
  @ApiProperty({ description: '10·(1 − e^(−points/200)), 0..10' }) level!: number;
  @ApiProperty() roundedLevel!: number;
  @ApiProperty({ description: 'easy 1, medium 3, hard 6 per distinct solved problem' })
  points!: number;
}

export class GenerateTaskResponse extends AdvisoryProvenance {
  @ApiProperty({ type: GeneratedTaskResponse }) task!: GeneratedTaskResponse;
  @ApiProperty({ nullable: true, type: String }) roadmapId!: string | null;
  @ApiProperty({ type: LearnerLevelResponse }) level!: LearnerLevelResponse;
}

export class ReflectionResponse extends AdvisoryProvenance {
  @ApiProperty({ description: '2–3 sentences' }) summary!: string;
  @ApiProperty({ type: [String], description: '3–5 taxonomy slugs' }) keySkills!: string[];
  @ApiProperty({ type: [String], description: '2–4 concepts' }) conceptsApplied!: string[];
  @ApiProperty({ minimum: 1, maximum: 10 }) difficultyRating!: number;
  @ApiProperty({ type: [String] }) nextSteps!: string[];
}

export class ExtractSkillsResponse extends AdvisoryProvenance {
  @ApiProperty({ type: [String], description: 'taxonomy slugs' }) skills!: string[];
}

export class AdviceTopicResponse {
  @ApiProperty() topic!: string;
  @ApiProperty() topicName!: string;
  @ApiProperty() reason!: string;
}

/** The latest next-step advice, recomputed by `rules` after the learner's PCI changes. */
export class AdviceResponse {
  @ApiProperty({ nullable: true, type: String }) roadmapId!: string | null;
  @ApiProperty({ nullable: true, type: String }) roadmapName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) pciScore!: number | null;
  @ApiProperty({ nullable: true, type: Number }) completionPercentage!: number | null;
  @ApiPropertyOptional({ type: AdviceTopicResponse, nullable: true })
  nextTopic!: AdviceTopicResponse | null;
  @ApiPropertyOptional({ type: GeneratedTaskResponse, nullable: true })
  task!: GeneratedTaskResponse | null;
  @ApiProperty({ type: LearnerLevelResponse }) level!: LearnerLevelResponse;
  @ApiProperty({ description: 'the advice in words' }) message!: string;
  @ApiProperty({ enum: ['pci.recomputed', 'request'] }) trigger!: 'pci.recomputed' | 'request';
  @ApiProperty() computedAt!: string;
}

export class InferenceAttemptResponse {
  @ApiProperty({ enum: ADVISORY_PROVIDERS }) provider!: AdvisoryProviderName;
  @ApiProperty({ nullable: true, type: String }) model!: string | null;
  @ApiProperty() promptTokens!: number;
  @ApiProperty() completionTokens!: number;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ enum: ['passed', 'rejected', 'error', 'skipped'] }) verdict!: string;
  @ApiProperty({ type: [String] }) violations!: string[];
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

/** One logged advisory operation (admin view). Bodies are dropped after the retention window. */
export class InferenceLogResponse {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ADVISORY_OPERATIONS }) operation!: AdvisoryOperation;
  @ApiProperty({ enum: ADVISORY_PROVIDERS }) provider!: AdvisoryProviderName;
  @ApiProperty({ nullable: true, type: String }) model!: string | null;
  @ApiProperty() promptTokens!: number;
  @ApiProperty() completionTokens!: number;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ enum: ['passed', 'rejected'] }) guardrailVerdict!: 'passed' | 'rejected';
  @ApiProperty() fallbackUsed!: boolean;
  @ApiProperty({ nullable: true, type: String }) fallbackReason!: FallbackReason | null;
  @ApiProperty({ type: [InferenceAttemptResponse] }) attempts!: InferenceAttemptResponse[];
  @ApiProperty({ nullable: true, description: 'request body; null once dropped' })
  request!: unknown;
  @ApiProperty({ nullable: true, description: 'response body; null once dropped' })
  response!: unknown;
  @ApiProperty({
    nullable: true,
    type: [String],
    description: 'raw model replies; null once dropped',
  })
  completions!: Array<string | null> | null;
  @ApiProperty({ nullable: true, type: String }) bodiesDroppedAt!: string | null;
  @ApiProperty() createdAt!: string;
}
