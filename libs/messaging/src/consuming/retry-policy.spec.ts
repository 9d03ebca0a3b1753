import { nextFailureStep } from './retry-policy';

describe('nextFailureStep', () => {
  const delays = [1000, 5000, 30_000];

  it('retries after 1 s, 5 s and 30 s, then dead-letters on the fourth failure', () => {
    expect(nextFailureStep(0, delays)).toEqual({ kind: 'retry', delayMs: 1000, attempt: 1 });
    expect(nextFailureStep(1, delays)).toEqual({ kind: 'retry', delayMs: 5000, attempt: 2 });
    expect(nextFailureStep(2, delays)).toEqual({ kind: 'retry', delayMs: 30_000, attempt: 3 });
    expect(nextFailureStep(3, delays)).toEqual({ kind: 'dead-letter', attempt: 4 });
  });

  it('dead-letters at once when no retries are configured', () => {
    expect(nextFailureStep(0, [])).toEqual({ kind: 'dead-letter', attempt: 1 });
  });

  it('treats a missing or garbled attempt header as a first failure', () => {
    expect(nextFailureStep(Number.NaN, delays).kind).toBe('dead-letter');
    expect(nextFailureStep(-3, delays)).toEqual({ kind: 'retry', delayMs: 1000, attempt: 1 });
    expect(nextFailureStep(1.7, delays)).toEqual({ kind: 'retry', delayMs: 5000, attempt: 2 });
  });
});
