import type { TaskInput } from '@prepmate/contracts';

/**
 * What a task needs to be verifiable (docs/product.md#tasks): a coding task names its
 * canonical problem, a GitHub task its repository. The problems of the input, empty when
 * it is valid (field shapes are the gateway's DTO's).
 */
export function taskInputProblems(input: TaskInput, now: Date): string[] {
  const problems: string[] = [];
  const source = input.verificationSource;
  const requirements = input.verificationRequirements ?? {};
  if ((source === 'leetcode' || source === 'codeforces') && !input.problemId)
    problems.push(`a ${source} task needs problemId (a canonical problem id)`);
  if (source !== 'github' && (requirements.repository || requirements.path))
    problems.push('repository and path are for github tasks only');
  if (source === 'github' && !requirements.repository)
    problems.push('a github task needs verificationRequirements.repository (owner/name)');
  if (input.dueAt !== undefined && Date.parse(input.dueAt) < now.getTime() - 60_000)
    problems.push('dueAt is in the past');
  return problems;
}
