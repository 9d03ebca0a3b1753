import type { ProblemResponse } from '@prepmate/contracts';
import { isConfirmed, type Viewer, visiblePlatforms } from '../domain/problem-trust';
import { problemUrl } from '../domain/problem-urls';
import type { AggregateTelemetry, CanonicalProblemDocument } from './canonical-problem.schema';

/** Sees every platform problem (another service's view of the catalog, an admin's). */
export const SYSTEM_VIEWER: Viewer = { userId: '', role: 'admin' };

/**
 * A problem as `viewer` may see it: links built from (platform, id), never the stored ones,
 * and unconfirmed platform problems only for the problem's vouchers (domain/problem-trust).
 */
export function toProblemResponse(
  doc: CanonicalProblemDocument,
  telemetry: AggregateTelemetry,
  viewer: Viewer = SYSTEM_VIEWER,
): ProblemResponse {
  return {
    id: doc._id,
    title: doc.title,
    difficulty: doc.difficulty,
    topics: doc.topics,
    normalizedTags: doc.normalizedTags,
    platforms: visiblePlatforms(doc, viewer).map((entry) => ({
      platform: entry.platform,
      platformProblemId: entry.platformProblemId,
      url: problemUrl(entry.platform, entry.platformProblemId),
      firstSeen: new Date(entry.firstSeen).toISOString(),
      verified: isConfirmed(entry),
    })),
    aggregateTelemetry: telemetry,
    interviewFrequency: doc.interviewFrequency,
    flagged: doc.flagged,
    openReports: doc.openReports,
    verified: isConfirmed(doc),
    createdAt: doc.createdAt.toISOString(),
  };
}
