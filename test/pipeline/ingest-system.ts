import { tapEvents, type EventTap } from '@prepmate/testing';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';

/** What the ingestion and normalization specs start: the pipeline, a tap, a student and an admin. */
export interface IngestSystem {
  system: PipelineSystem;
  tap: EventTap;
  student: { token: string; userId: string };
  admin: { token: string; userId: string };
}

export async function startIngestSystem(label: string): Promise<IngestSystem> {
  const system = await startPipeline(label, {
    admins: ['root'],
    env: { normalization: { PROBLEM_TELEMETRY_INTERVAL_MS: '500' } },
  });
  const tap = await tapEvents(system.exchange, [
    'submission.ingested',
    'submission.normalized',
    'problem.normalization_failed',
  ]);
  const student = await system.register('ada');
  const admin = await system.register('root');
  return { system, tap, student, admin };
}

/** One submission record of the generic import format, `minute` minutes after 2026-03-01 10:00. */
export function submission(
  id: string,
  problem: Record<string, unknown>,
  verdict = 'accepted',
  minute = 0,
) {
  return {
    platformSubmissionId: id,
    problem,
    verdict,
    submittedAt: new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString(),
    language: 'python3',
    solveTimeSeconds: 600 + minute,
  };
}
