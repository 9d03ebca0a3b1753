import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROADMAP_LAYERS, type RoadmapLayer } from './roadmaps.requests';

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
  @ApiProperty({
    description: "the learner's verified tasks on this topic (beside PCI, not in it)",
  })
  verifiedTasks!: number;
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
  @ApiProperty({ description: "the learner's verified tasks on the roadmap's topics" })
  verifiedTasks!: number;
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

/** A topic as `GET /roadmaps/:id/position` shows it. */
export class PositionTopicResponse {
  @ApiProperty() topic!: string;
  @ApiProperty() topicName!: string;
  @ApiProperty({ enum: ROADMAP_LAYERS }) layer!: RoadmapLayer;
  @ApiProperty() estimatedMastery!: number;
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: [String], description: 'Slugs of the topics it depends on' })
  dependencies!: string[];
}

/** A task the learner can post to `POST /tasks` as it is (a TaskInput). */
export class SuggestedTaskResponse {
  @ApiProperty() description!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ description: 'The canonical problem' }) problemId!: string;
  @ApiProperty({ enum: ['codeforces', 'leetcode'] }) verificationSource!: 'codeforces' | 'leetcode';
  @ApiProperty() estimatedTimeMinutes!: number;
}

export class UnlockedTopicResponse extends PositionTopicResponse {
  @ApiProperty({ enum: ['easy', 'medium', 'hard'], description: 'What fits the mastery' })
  fittingDifficulty!: 'easy' | 'medium' | 'hard';
  @ApiProperty({
    type: SuggestedTaskResponse,
    nullable: true,
    description: 'An unsolved problem of the topic; null when the catalog has none left',
  })
  suggestedTask!: SuggestedTaskResponse | null;
}

/** `GET /roadmaps/:id/position`: where the learner stands and what to do next. */
export class LearningPositionResponse {
  @ApiProperty() roadmapId!: string;
  @ApiProperty({
    enum: ROADMAP_LAYERS,
    nullable: true,
    description: 'The first layer with a topic not done; null when every topic is',
  })
  currentLayer!: RoadmapLayer | null;
  @ApiProperty({ type: [PositionTopicResponse] }) topicsDone!: PositionTopicResponse[];
  @ApiProperty({
    type: [UnlockedTopicResponse],
    description: 'Not done, every dependency done: by layer, weight, mastery, slug',
  })
  unlocked!: UnlockedTopicResponse[];
  @ApiProperty({ type: [PositionTopicResponse], description: 'Waiting for a dependency' })
  locked!: PositionTopicResponse[];
}
