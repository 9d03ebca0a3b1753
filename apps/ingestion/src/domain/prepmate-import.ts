import { DIFFICULTIES, type Difficulty } from '@prepmate/contracts';
import {
  isoDate,
  objectAt,
  optionalNumber,
  optionalString,
  requiredString,
  stringList,
} from './fields';
import { type ImportRecord, RecordError } from './import-record';
import { isVerdict } from './verdicts';

/**
 * One record of PrepMate's own import format (docs/product.md). The title may be empty: a problem
 * that cannot be normalized is held by the normalization service for an admin, not lost.
 * `problem.url` is accepted and ignored (a link is never taken from a user).
 */
export function parsePrepMateRecord(raw: unknown, index: number): ImportRecord {
  const record = objectAt(raw, 'submission');
  const problem = objectAt(record.problem, 'problem');
  if (!isVerdict(record.verdict))
    throw new RecordError(
      'verdict',
      'must be one of accepted, wrong_answer, time_limit_exceeded, memory_limit_exceeded, runtime_error, compilation_error, other',
    );
  const difficulty = problem.difficulty;
  if (
    difficulty !== undefined &&
    difficulty !== null &&
    !DIFFICULTIES.includes(difficulty as Difficulty)
  )
    throw new RecordError('problem.difficulty', 'must be easy, medium or hard');
  return {
    index,
    platformSubmissionId: requiredString(record.platformSubmissionId, 'platformSubmissionId', 100),
    problem: {
      platformProblemId: requiredString(
        problem.platformProblemId,
        'problem.platformProblemId',
        200,
      ),
      title: optionalString(problem.title, 'problem.title') ?? '',
      difficulty: (difficulty as Difficulty | undefined) ?? null,
      rating: optionalNumber(problem.rating, 'problem.rating', { max: 5000 }),
      tags: stringList(problem.tags, 'problem.tags'),
      // Never taken from the user: the catalog builds every URL from (platform, id).
      url: null,
    },
    verdict: record.verdict,
    language: optionalString(record.language, 'language', 50),
    submittedAt: isoDate(record.submittedAt, 'submittedAt'),
    runtimeMs: optionalNumber(record.runtimeMs, 'runtimeMs', { max: 3_600_000 }),
    memoryKb: optionalNumber(record.memoryKb, 'memoryKb', { max: 100_000_000 }),
    solveTimeSeconds: optionalNumber(record.solveTimeSeconds, 'solveTimeSeconds', {
      max: 30 * 24 * 3600,
    }),
  };
}
