import { Injectable } from '@nestjs/common';
import type {
  Page,
  PerformancePeriodName,
  RevisionResponse,
  RpcCaller,
  SolvedProblemsResponse,
  TopicStatsResponse,
} from '@prepmate/contracts';
import { readableSubject, TopicCatalog } from '@prepmate/messaging';
import { offsetPage } from '@prepmate/platform';
import { AggregateStore } from '../aggregates/aggregate.store';
import { MasteryPopulationStore } from '../aggregates/mastery-population.store';
import { performanceReport, type PerformanceReport } from '../domain/performance';
import { CARD_STATE_NAMES, retrievability } from '../domain/revision-card';
import { standingFromHistogram } from '../domain/mastery-histogram';
import { solvedProblems } from '../domain/solved-problems';
import { topicMetrics, weakTopics } from '../domain/topic-metrics';
import { ProblemSummaries } from './problem-summaries';

/** Reads of a user's telemetry: stats as of now, computed from the stored aggregate. */
@Injectable()
export class TelemetryService {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly population: MasteryPopulationStore,
    private readonly catalog: TopicCatalog,
    private readonly problems: ProblemSummaries,
  ) {}

  /** Whose stats a caller may read: their own; anyone's for admins; a mentor's own students'. */
  subjectOf(caller: RpcCaller, userId?: string): string {
    return readableSubject(caller, userId);
  }

  /** Every topic of the user, by mastery (highest first, then slug). */
  async allTopicStats(userId: string, now = Date.now()): Promise<TopicStatsResponse[]> {
    const aggregate = await this.aggregates.load(userId);
    const topics = Object.keys(aggregate.topics);
    const [histograms, names] = await Promise.all([
      this.population.histogramsOf(topics, now),
      this.catalog.names(topics),
    ]);
    return topics
      .map((topic) => {
        const metrics = topicMetrics(aggregate.topics[topic], aggregate.problems, now);
        return {
          topic,
          topicName: names.get(topic) ?? topic,
          ...metrics,
          ...standingFromHistogram(metrics.estimatedMastery, histograms.get(topic)),
        };
      })
      .sort((a, b) => b.estimatedMastery - a.estimatedMastery || a.topic.localeCompare(b.topic));
  }

  async topicStats(
    userId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<TopicStatsResponse>> {
    return offsetPage(await this.allTopicStats(userId), { limit, cursor });
  }

  async weakTopics(userId: string, limit: number): Promise<{ items: TopicStatsResponse[] }> {
    return { items: weakTopics(await this.allTopicStats(userId)).slice(0, limit) };
  }

  async performance(userId: string, period: PerformancePeriodName): Promise<PerformanceReport> {
    const aggregate = await this.aggregates.load(userId);
    return performanceReport(aggregate.days, period, Date.now());
  }

  /** Every distinct canonical problem the user has solved (for the advisory service). */
  async solvedProblems(userId: string): Promise<SolvedProblemsResponse> {
    const aggregate = await this.aggregates.load(userId);
    return { items: solvedProblems(aggregate.problems, Date.now()) };
  }

  /** Solved problems due for revision now, most overdue first, with their titles and links. */
  async revisionsDue(userId: string, limit: number): Promise<{ items: RevisionResponse[] }> {
    const now = Date.now();
    const aggregate = await this.aggregates.load(userId);
    const due = Object.entries(aggregate.problems)
      .filter(([, problem]) => problem.card !== null && problem.card.due <= now)
      .sort(([a, x], [b, y]) => x.card!.due - y.card!.due || a.localeCompare(b))
      .slice(0, limit);
    const summaries = await this.problems.of(due.map(([id]) => id));
    const items = due.map(([canonicalProblemId, problem]) => {
      const card = problem.card!;
      const summary = summaries.get(canonicalProblemId);
      return {
        canonicalProblemId,
        title: summary?.title ?? null,
        platforms: summary?.platforms ?? [],
        difficulty: problem.difficulty,
        topics: problem.topics,
        due: new Date(card.due).toISOString(),
        lastReview: card.lastReview === null ? null : new Date(card.lastReview).toISOString(),
        retrievability: retrievability(card, now),
        reps: card.reps,
        lapses: card.lapses,
        state: CARD_STATE_NAMES[card.state] ?? 'review',
      };
    });
    return { items };
  }
}
