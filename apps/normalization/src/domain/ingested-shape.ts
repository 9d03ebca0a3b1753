import { PLATFORMS, VERDICTS } from '@prepmate/contracts';

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isNumberOrNull = (value: unknown) =>
  value === null || (typeof value === 'number' && Number.isFinite(value));

/**
 * What in a `submission.ingested` payload breaks the contract normalization relies on (empty
 * when nothing does). Such an event can never be normalized, so it is dead-lettered alone
 * before it joins a batch (docs/reliability.md#poison-messages).
 */
export function ingestedPayloadFaults(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return ['the payload is not an object'];
  const item = payload as Record<string, unknown>;
  const faults: string[] = [];
  for (const field of ['submissionId', 'userId', 'platformSubmissionId'] as const)
    if (!isText(item[field])) faults.push(`${field} is not a non-empty string`);
  if (!(PLATFORMS as readonly unknown[]).includes(item.platform))
    faults.push('platform is not a known platform');
  if (!(VERDICTS as readonly unknown[]).includes(item.verdict))
    faults.push('verdict is not a known verdict');
  if (!isText(item.submittedAt) || Number.isNaN(Date.parse(item.submittedAt)))
    faults.push('submittedAt is not a date');
  for (const field of ['runtimeMs', 'memoryKb', 'solveTimeSeconds'] as const)
    if (item[field] !== undefined && !isNumberOrNull(item[field]))
      faults.push(`${field} is not a number or null`);
  const problem = item.problem as Record<string, unknown> | null | undefined;
  if (typeof problem !== 'object' || problem === null) {
    faults.push('problem is missing');
    return faults;
  }
  if (!isText(problem.platformProblemId)) faults.push('problem.platformProblemId is missing');
  if (typeof problem.title !== 'string') faults.push('problem.title is not a string');
  if (!Array.isArray(problem.tags) || problem.tags.some((tag) => typeof tag !== 'string'))
    faults.push('problem.tags is not a list of strings');
  if (!isNumberOrNull(problem.rating ?? null)) faults.push('problem.rating is not a number');
  return faults;
}
