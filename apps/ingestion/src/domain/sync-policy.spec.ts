import { advanceCursor, retryDueAt, retryDelayMs } from './sync-policy';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const item = (id: number, final = true) => ({
  submissionId: String(id),
  submittedAt: at(id % 60),
  final,
});

describe('sync cursor', () => {
  it('moves to the newest synced submission', () => {
    const cursor = advanceCursor({ submissionId: null, timestamp: null }, [
      item(12),
      item(10),
      item(11),
    ]);
    expect(cursor).toEqual({ submissionId: '12', timestamp: at(12) });
  });

  it('never moves past a submission still in testing', () => {
    const cursor = advanceCursor({ submissionId: '5', timestamp: at(5) }, [
      item(9),
      item(8, false),
      item(7),
      item(6),
    ]);
    expect(cursor.submissionId).toBe('7');
  });

  it('stays put when the oldest new submission is still in testing', () => {
    const start = { submissionId: '5', timestamp: at(5) };
    expect(advanceCursor(start, [item(7), item(6, false)])).toEqual(start);
  });

  it('ignores what is not newer than the cursor (ids compared as numbers)', () => {
    const start = { submissionId: '100', timestamp: at(0) };
    expect(advanceCursor(start, [item(99), item(20)])).toEqual(start);
    expect(advanceCursor(start, [item(1000)]).submissionId).toBe('1000');
  });
});

describe('sync retry policy', () => {
  it('doubles the delay per attempt from one minute, capped at 24 hours', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n) / 60_000)).toEqual([2, 4, 8, 16, 32]);
    expect(retryDelayMs(20)).toBe(24 * 3600 * 1000);
  });

  it('schedules the retry of a failure while retries are left, none after the last', () => {
    const next = at(31);
    expect(retryDueAt(1, 5, next)).toEqual(next);
    expect(retryDueAt(4, 5, next)).toEqual(next);
    expect(retryDueAt(5, 5, next)).toBeNull();
    expect(retryDueAt(6, 5, next)).toBeNull();
    expect(retryDueAt(1, 0, next)).toBeNull();
  });
});
