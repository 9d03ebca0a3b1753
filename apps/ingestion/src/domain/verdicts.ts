import { VERDICTS, type Verdict } from '@prepmate/contracts';

/** A verdict that is not final yet: the submission is skipped and read again later. */
export const NOT_FINAL = 'not_final' as const;
export type MappedVerdict = Verdict | typeof NOT_FINAL;

const CODEFORCES: Record<string, Verdict> = {
  OK: 'accepted',
  WRONG_ANSWER: 'wrong_answer',
  TIME_LIMIT_EXCEEDED: 'time_limit_exceeded',
  MEMORY_LIMIT_EXCEEDED: 'memory_limit_exceeded',
  RUNTIME_ERROR: 'runtime_error',
  COMPILATION_ERROR: 'compilation_error',
};

/** docs/product.md#ingestion: Codeforces verdicts; TESTING (or none yet) is not final; the rest is `other`. */
export function codeforcesVerdict(verdict: string | undefined | null): MappedVerdict {
  if (verdict === undefined || verdict === null || verdict === '' || verdict === 'TESTING')
    return NOT_FINAL;
  return CODEFORCES[verdict] ?? 'other';
}

const LEETCODE: Record<string, Verdict> = {
  accepted: 'accepted',
  'wrong answer': 'wrong_answer',
  'time limit exceeded': 'time_limit_exceeded',
  'memory limit exceeded': 'memory_limit_exceeded',
  'runtime error': 'runtime_error',
  'compile error': 'compilation_error',
  'compilation error': 'compilation_error',
};
const LEETCODE_PENDING = new Set(['pending', 'judging', 'started', 'in queue']);

/** LeetCode's `statusDisplay` ("Accepted", "Wrong Answer", "Compile Error", ...). */
export function leetcodeVerdict(statusDisplay: string | undefined | null): MappedVerdict {
  const status = (statusDisplay ?? '').trim().toLowerCase();
  if (status === '' || LEETCODE_PENDING.has(status)) return NOT_FINAL;
  return LEETCODE[status] ?? 'other';
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

/** Compilation errors are stored but are not attempts: they are not published (§2). */
export function isAttempt(verdict: Verdict): boolean {
  return verdict !== 'compilation_error';
}
