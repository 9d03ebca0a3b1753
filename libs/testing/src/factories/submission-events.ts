import type { EventEnvelope, SubmissionIngestedPayload } from '@prepmate/contracts';
import { createEvent } from '@prepmate/messaging';

/** A realistic `submission.ingested` event (a Codeforces attempt), numbered so tests can tell them apart. */
export function ingestedEvent(
  n: number,
  overrides: Partial<SubmissionIngestedPayload> = {},
): EventEnvelope<'submission.ingested'> {
  return createEvent(
    'submission.ingested',
    {
      submissionId: `sub-${n}`,
      userId: 'user-1',
      platform: 'codeforces',
      platformSubmissionId: String(100_000 + n),
      problem: {
        platformProblemId: '1459B',
        title: 'Move and Turn',
        difficulty: 'medium',
        rating: 1300,
        tags: ['dp', 'math'],
        url: null,
      },
      verdict: 'accepted',
      language: 'C++17',
      submittedAt: new Date(Date.UTC(2026, 2, 1, 10, 0, n)).toISOString(),
      runtimeMs: 46,
      memoryKb: 3600,
      solveTimeSeconds: null,
      syncBatchId: 'batch-1',
      ...overrides,
    },
    'ingestion',
  );
}
