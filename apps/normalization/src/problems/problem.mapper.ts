import type { ProblemResponse } from '@prepmate/contracts';
import type { AggregateTelemetry, CanonicalProblemDocument } from './canonical-problem.schema';

export function toProblemResponse(
  doc: CanonicalProblemDocument,
  telemetry: AggregateTelemetry,
): ProblemResponse {
  return {
    id: doc._id,
    title: doc.title,
    difficulty: doc.difficulty,
    topics: doc.topics,
    normalizedTags: doc.normalizedTags,
    platforms: doc.platforms.map((entry) => ({
      platform: entry.platform,
      platformProblemId: entry.platformProblemId,
      url: entry.url,
      firstSeen: new Date(entry.firstSeen).toISOString(),
    })),
    aggregateTelemetry: telemetry,
    interviewFrequency: doc.interviewFrequency,
    flagged: doc.flagged,
    openReports: doc.openReports,
    createdAt: doc.createdAt.toISOString(),
  };
}
