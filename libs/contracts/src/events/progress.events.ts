export interface AggregatedTopic {
  topic: string;
  estimatedMastery: number;
  totalAttempts: number;
  successfulAttempts: number;
  successRate: number;
  /** ISO 8601 or null when the topic has no attempt. */
  lastActivity: string | null;
}

export interface TopicAggregatedPayload {
  userId: string;
  topics: AggregatedTopic[];
  solvedByDifficulty: { easy: number; medium: number; hard: number };
  aggregatedAt: string;
}

export interface PciRecomputedPayload {
  userId: string;
  roadmapId: string;
  pciScore: number;
  completionPercentage: number;
  topicsCompleted: number;
  topicsTotal: number;
  computedAt: string;
}

export interface SynergyChatUnlockedPayload {
  userA: string;
  userB: string;
  score: number;
  unlockedAt: string;
}
