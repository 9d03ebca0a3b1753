import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RoadmapLayer } from './roadmaps.requests';

export class RoadmapTopicResponse {
  @ApiProperty() topic!: string;
  @ApiProperty() topicName!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ description: 'w / Σw' }) normalizedWeight!: number;
  @ApiProperty({ enum: ['core', 'reinforcement', 'advanced', 'optional'] }) layer!: RoadmapLayer;
  @ApiProperty() priority!: number;
  @ApiProperty() completionThreshold!: number;
  @ApiProperty({ type: [String] }) dependencies!: string[];
  @ApiProperty() estimatedHours!: number;
}

export class RoadmapResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) targetRole!: string | null;
  @ApiProperty() official!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'owner; null for official roadmaps' })
  createdBy!: string | null;
  @ApiProperty() topicCount!: number;
  @ApiProperty() following!: boolean;
  @ApiPropertyOptional({ type: [RoadmapTopicResponse] }) topics?: RoadmapTopicResponse[];
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty() updatedAt!: string;
}

export class LayerProgressResponse {
  @ApiProperty() topicsCompleted!: number;
  @ApiProperty() topicsTotal!: number;
  @ApiProperty() weightCompleted!: number;
  @ApiProperty() weightTotal!: number;
}

/** Progress of each layer (documented as an object with the four layers). */
export class ByLayerResponse implements Record<RoadmapLayer, LayerProgressResponse> {
  @ApiProperty() core!: LayerProgressResponse;
  @ApiProperty() reinforcement!: LayerProgressResponse;
  @ApiProperty() advanced!: LayerProgressResponse;
  @ApiProperty() optional!: LayerProgressResponse;
}

export class TopicProgressResponse {
  @ApiProperty() topic!: string;
  @ApiProperty() topicName!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() normalizedWeight!: number;
  @ApiProperty() layer!: string;
  @ApiProperty() threshold!: number;
  @ApiProperty() estimatedMastery!: number;
  @ApiProperty() isCompleted!: boolean;
  @ApiProperty({ enum: ['not_started', 'started', 'in_progress', 'proficient', 'mastered'] })
  completionStatus!: string;
}

export class PciResponse {
  @ApiProperty() roadmapId!: string;
  @ApiProperty() roadmapName!: string;
  @ApiProperty() pciScore!: number;
  @ApiProperty() completionPercentage!: number;
  @ApiProperty() completedWeightSum!: number;
  @ApiProperty() totalWeightSum!: number;
  @ApiProperty() topicsCompleted!: number;
  @ApiProperty() topicsTotal!: number;
  @ApiProperty({ type: [TopicProgressResponse] }) topicProgresses!: TopicProgressResponse[];
  @ApiProperty({ type: ByLayerResponse, description: 'topics and weight completed per layer' })
  byLayer!: Record<RoadmapLayer, LayerProgressResponse>;
  @ApiProperty({ nullable: true, type: Number }) masteryThreshold!: number | null;
  @ApiProperty() lastUpdated!: string;
}

export class TopicOnRoadmapProgressResponse extends TopicProgressResponse {
  @ApiProperty() roadmapId!: string;
  @ApiProperty({ type: [String] }) dependencies!: string[];
  @ApiProperty() dependenciesCompleted!: boolean;
  @ApiProperty() totalAttempts!: number;
}

export class TimeEstimateResponse {
  @ApiProperty() totalHours!: number;
  @ApiProperty() remainingHours!: number;
  @ApiProperty() estimatedDays!: number;
  @ApiProperty({ example: '2026-04-01' }) completionDate!: string;
}

export class RecommendationResponse {
  @ApiProperty() topic!: string;
  @ApiProperty() topicName!: string;
  @ApiProperty() layer!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() estimatedMastery!: number;
  @ApiProperty() reason!: string;
}
