import type { Difficulty } from '@prepmate/contracts';
import type { Attempt } from '../../../apps/aggregation/src/domain/attempt';

export const T0 = Date.parse('2026-03-01T10:00:00Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;

let sequence = 0;

/** An attempt with sensible defaults; `at` is minutes after T0 unless `submittedAt` is given. */
export function attempt(
  overrides: Partial<Attempt> & { at?: number; problem?: string; ok?: boolean } = {},
): Attempt {
  sequence += 1;
  const { at, problem, ok, ...rest } = overrides;
  return {
    submissionId: `s${String(sequence).padStart(6, '0')}`,
    canonicalProblemId: problem ?? `p${sequence}`,
    platformSubmissionId: String(1000 + sequence),
    difficulty: 'medium' as Difficulty,
    topics: ['arrays'],
    accepted: ok ?? true,
    submittedAt: T0 + (at ?? sequence) * MINUTE,
    solveTimeSeconds: null,
    ...rest,
  };
}

/** Attempts on distinct problems with these outcomes ('1' accepted, '0' not), a minute apart. */
export function outcomes(pattern: string, overrides: Partial<Attempt> = {}): Attempt[] {
  return [...pattern].map((char, index) =>
    attempt({ at: index, ok: char === '1', problem: `q${index}`, ...overrides }),
  );
}
