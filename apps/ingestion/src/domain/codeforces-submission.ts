import {
  epochSeconds,
  objectAt,
  optionalNumber,
  optionalString,
  requiredString,
  stringList,
} from './fields';
import { type ImportRecord, RecordError } from './import-record';
import { codeforcesVerdict, NOT_FINAL } from './verdicts';

/** Contests with ids from 100000 up are gyms, which have their own URLs. */
const FIRST_GYM_CONTEST = 100_000;

export function codeforcesProblemId(contestId: number | string, index: string): string {
  return `${contestId}${index}`;
}

export function codeforcesProblemUrl(contestId: number, index: string): string {
  return contestId >= FIRST_GYM_CONTEST
    ? `https://codeforces.com/gym/${contestId}/problem/${index}`
    : `https://codeforces.com/problemset/problem/${contestId}/${index}`;
}

/**
 * One element of `user.status` (docs/product.md): id → platformSubmissionId, contestId + index →
 * platformProblemId, creationTimeSeconds → submittedAt. A submission still in testing is a
 * NOT_FINAL rejection (read again by the next import or sync).
 */
export function parseCodeforcesSubmission(raw: unknown, index: number): ImportRecord {
  const submission = objectAt(raw, 'submission');
  const problem = objectAt(submission.problem, 'problem');
  const id = requiredString(submission.id, 'id', 30);
  const verdict = codeforcesVerdict(optionalString(submission.verdict, 'verdict', 50));
  if (verdict === NOT_FINAL)
    throw new RecordError('verdict', `submission ${id} is still being judged`, 'NOT_FINAL');
  const problemIndex = requiredString(problem.index, 'problem.index', 10);
  const contestId = problem.contestId ?? submission.contestId;
  if (typeof contestId !== 'number' || !Number.isInteger(contestId) || contestId <= 0)
    throw new RecordError(
      'problem.contestId',
      'must be a positive integer (problemset problems only)',
    );
  const memoryBytes = optionalNumber(submission.memoryConsumedBytes, 'memoryConsumedBytes');
  return {
    index,
    platformSubmissionId: id,
    problem: {
      platformProblemId: codeforcesProblemId(contestId, problemIndex),
      title: optionalString(problem.name, 'problem.name') ?? '',
      difficulty: null,
      rating: optionalNumber(problem.rating, 'problem.rating', { max: 5000 }),
      tags: stringList(problem.tags, 'problem.tags'),
      url: codeforcesProblemUrl(contestId, problemIndex),
    },
    verdict,
    language: optionalString(submission.programmingLanguage, 'programmingLanguage', 50),
    submittedAt: epochSeconds(submission.creationTimeSeconds, 'creationTimeSeconds'),
    runtimeMs: optionalNumber(submission.timeConsumedMillis, 'timeConsumedMillis'),
    memoryKb: memoryBytes === null ? null : Math.round(memoryBytes / 1024),
    solveTimeSeconds: null,
  };
}
