export type FailureStep =
  { kind: 'retry'; delayMs: number; attempt: number } | { kind: 'dead-letter'; attempt: number };

/**
 * What to do after a handler failed. `previousFailures` is how many times this message
 * already failed (0 on the first failure). With delays [1 s, 5 s, 30 s] a message is
 * handled at most four times before it is dead-lettered.
 */
export function nextFailureStep(previousFailures: number, delays: readonly number[]): FailureStep {
  const attempt = Math.max(0, Math.floor(previousFailures)) + 1;
  const delayMs = delays[attempt - 1];
  return delayMs === undefined
    ? { kind: 'dead-letter', attempt }
    : { kind: 'retry', delayMs, attempt };
}
