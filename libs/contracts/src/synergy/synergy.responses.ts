import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * A post as a reader sees it: in full when it is theirs or they revealed it, otherwise
 * masked (`content` absent; author, topic, skills, date and length visible).
 */
export class PostResponse {
  @ApiProperty() id!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the first skill' })
  topic!: string | null;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ nullable: true, type: String }) taskId!: string | null;
  @ApiProperty({ nullable: true, type: String }) problemId!: string | null;
  @ApiProperty({ description: 'characters of the content' }) length!: number;
  @ApiProperty({ description: 'false: content is absent' }) revealed!: boolean;
  @ApiProperty({ description: "the reader's coverage of the mask (1 for their own post)" })
  coverage!: number;
  @ApiPropertyOptional({ description: 'present only when revealed' }) content?: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'bumped by each edit' }) version!: number;
}

export class ScratchResponse {
  @ApiProperty() revealed!: boolean;
  @ApiProperty({ description: 'the highest coverage reported so far' }) coverage!: number;
}

export class SolvedByDifficultyResponse {
  @ApiProperty() easy!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() hard!: number;
}

export class LevelResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ minimum: 0, maximum: 10 }) level!: number;
  @ApiProperty({ description: 'easy 1, medium 3, hard 6 per distinct solved problem' })
  points!: number;
  @ApiProperty({ type: SolvedByDifficultyResponse })
  solvedByDifficulty!: SolvedByDifficultyResponse;
}

export class SynergyPairResponse {
  @ApiProperty({ description: 'the other learner' }) userId!: string;
  @ApiProperty() score!: number;
  @ApiProperty() mutualScratchWeight!: number;
  @ApiProperty() levelProximityScore!: number;
  @ApiProperty() topicSimilarityScore!: number;
  @ApiProperty() consistencyFactor!: number;
  @ApiProperty({ description: 'distinct posts of the other I scratched' }) scratchedByMe!: number;
  @ApiProperty({ description: 'distinct posts of mine the other scratched' })
  scratchedByThem!: number;
  @ApiProperty({ description: 'distinct UTC days of the last 30 with a scratch between us' })
  interactionDays!: number;
  @ApiProperty() chatUnlocked!: boolean;
  @ApiProperty({ nullable: true, type: String }) unlockedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null until first computed' })
  calculatedAt!: string | null;
}

export class SynergySuggestionResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() level!: number;
  @ApiProperty() levelProximityScore!: number;
  @ApiProperty() topicSimilarityScore!: number;
  @ApiProperty({ description: '0.3·levelProximity + 0.2·topicSimilarity, the ranking key' })
  affinity!: number;
}

export class ChatMessageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() text!: string;
  @ApiProperty() sentAt!: string;
}

export class ConversationResponse {
  @ApiProperty({ description: 'the other learner' }) userId!: string;
  @ApiProperty({ type: ChatMessageResponse }) lastMessage!: ChatMessageResponse;
  @ApiProperty() unreadCount!: number;
}
