import { isFailing, jitteredDelayMs, nextAutoSyncAt, nextRunAt } from './auto-sync';

const HOUR = 3600_000;

describe('automatic sync timing', () => {
  it('spreads the interval by at most the jitter ratio either way', () => {
    expect(jitteredDelayMs(6 * HOUR, 0.1, 0)).toBe(5.4 * HOUR);
    expect(jitteredDelayMs(6 * HOUR, 0.1, 0.5)).toBe(6 * HOUR);
    expect(jitteredDelayMs(6 * HOUR, 0.1, 0.999999)).toBeLessThan(6.6 * HOUR);
    expect(jitteredDelayMs(6 * HOUR, 0.1, 0.999999)).toBeGreaterThan(6.59 * HOUR);
  });

  it('has no jitter at ratio 0 and clamps nonsense ratios and randoms', () => {
    expect(jitteredDelayMs(1000, 0, 0.123)).toBe(1000);
    expect(jitteredDelayMs(1000, 5, 0)).toBe(0);
    expect(jitteredDelayMs(1000, 0.5, 7)).toBe(1500);
  });

  it('dates the next automatic sync from the claim time', () => {
    const from = new Date('2026-11-30T00:00:00Z');
    expect(nextAutoSyncAt(from, 6 * HOUR, 0.1, 0.5).toISOString()).toBe('2026-11-30T06:00:00.000Z');
  });
});

describe('the next run shown to the learner', () => {
  const base = {
    nextSyncAt: new Date('2026-11-30T06:00:00Z'),
    lastSyncStatus: 'succeeded',
    nextRetryTime: null,
    currentRetryAttempt: 0,
    maxRetries: 5,
  };

  it('is the automatic sync after a success', () => {
    expect(nextRunAt(base)?.toISOString()).toBe('2026-11-30T06:00:00.000Z');
  });

  it('is a pending retry when it comes first', () => {
    const retry = new Date('2026-11-30T00:04:00Z');
    expect(
      nextRunAt({
        ...base,
        lastSyncStatus: 'failed',
        nextRetryTime: retry,
        currentRetryAttempt: 2,
      }),
    ).toEqual(retry);
  });

  it('ignores a retry that has run out and reports nothing when nothing is planned', () => {
    const retry = new Date('2026-11-30T00:04:00Z');
    expect(
      nextRunAt({
        ...base,
        lastSyncStatus: 'failed',
        nextRetryTime: retry,
        currentRetryAttempt: 5,
      }),
    ).toEqual(base.nextSyncAt);
    expect(nextRunAt({ ...base, nextSyncAt: null })).toBeNull();
  });
});

describe('announcing a failing sync', () => {
  it('asks from the third consecutive failure on (the streak id keeps it to one event)', () => {
    expect([0, 1, 2, 3, 4].map((n) => isFailing(n, 3))).toEqual([false, false, false, true, true]);
  });
});
