import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { TopicAggregatedPayload } from '@prepmate/contracts';
import type { Model } from 'mongoose';
import { mergeTopics, type ProjectedTopic } from '../domain/mastery-snapshot';
import type { TopicMastery } from '../domain/roadmap-topic';
import { MASTERY_MODEL, type MasteryDocument } from './progress.schema';
import { writeVersioned } from '@prepmate/platform';

/** Users' mastery per topic as `topic.aggregated` reported it, one snapshot per user. */
@Injectable()
export class MasteryStore {
  constructor(@InjectModel(MASTERY_MODEL) private readonly model: Model<MasteryDocument>) {}

  /**
   * Merges the event's topics into the user's snapshot. Each topic only moves forward (see
   * mergeTopics); concurrent writers (replicas, redeliveries) are settled by the version the
   * write expects: the loser reads again and merges again.
   */
  async apply(payload: TopicAggregatedPayload): Promise<void> {
    const reported: Record<string, ProjectedTopic> = {};
    for (const topic of payload.topics) {
      reported[topic.topic] = {
        mastery: topic.estimatedMastery,
        totalAttempts: topic.totalAttempts,
        successfulAttempts: topic.successfulAttempts,
        successRate: topic.successRate,
        lastActivity: topic.lastActivity,
        aggregatedAt: payload.aggregatedAt,
      };
    }
    await writeVersioned(
      this.model,
      payload.userId,
      (stored) => {
        const topics = mergeTopics(stored?.topics ?? {}, reported);
        return topics ? { topics } : null;
      },
      `the mastery snapshot of ${payload.userId} kept changing; will be redelivered`,
    );
  }

  async of(userId: string): Promise<Map<string, TopicMastery>> {
    return (await this.snapshot(userId)).masteries;
  }

  /** The masteries with the snapshot's version (0: none yet), the high-water mark of a PCI. */
  async snapshot(
    userId: string,
  ): Promise<{ masteries: Map<string, TopicMastery>; version: number }> {
    const stored = await this.model.findById(userId).lean<MasteryDocument | null>();
    const masteries = new Map(
      Object.entries(stored?.topics ?? {}).map(([topic, { mastery, totalAttempts }]) => [
        topic,
        { mastery, totalAttempts },
      ]),
    );
    return { masteries, version: stored?.version ?? 0 };
  }

  async exportUser(userId: string): Promise<MasteryDocument[]> {
    const stored = await this.model.findById(userId).lean<MasteryDocument | null>();
    return stored ? [stored] : [];
  }

  async deleteUser(userId: string): Promise<number> {
    return (await this.model.deleteOne({ _id: userId })).deletedCount;
  }
}
