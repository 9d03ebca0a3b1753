import type { ImportRecord } from './import-record';
import { isLeetCodeSlug, refuseRecords, splitDistinct } from './import-limits';

const record = (index: number, platformProblemId: string) =>
  ({ index, problem: { platformProblemId } }) as ImportRecord;

describe('import limits', () => {
  it('accepts LeetCode slugs only', () => {
    expect(isLeetCodeSlug('two-sum')).toBe(true);
    expect(isLeetCodeSlug('3sum-closest')).toBe(true);
    for (const bad of ['', 'Two-Sum', 'two sum', '-two', 'two-', 'a/b', 'x'.repeat(101), 42, null])
      expect(isLeetCodeSlug(bad)).toBe(false);
  });

  it('keeps the first distinct keys up to the allowance', () => {
    expect(splitDistinct(['a', 'b', 'a', 'c', 'd'], 2)).toEqual({
      admitted: ['a', 'b'],
      refused: new Set(['c', 'd']),
    });
    expect(splitDistinct(['a'], Number.POSITIVE_INFINITY).refused.size).toBe(0);
    expect(splitDistinct(['a'], -1).admitted).toEqual([]);
  });

  it('refuses each record of a refused key on its own', () => {
    const records = [record(0, 'a'), record(1, 'b'), record(2, 'a'), record(3, 'c')];
    const { records: kept, rejected } = refuseRecords(
      records,
      new Set(['a']),
      (r) => r.problem.platformProblemId,
      () => ({ code: 'QUOTA_EXCEEDED', message: 'over', field: 'problem.platformProblemId' }),
    );
    expect(kept.map((r) => r.index)).toEqual([1, 3]);
    expect(rejected).toEqual([
      { index: 0, code: 'QUOTA_EXCEEDED', message: 'over', field: 'problem.platformProblemId' },
      { index: 2, code: 'QUOTA_EXCEEDED', message: 'over', field: 'problem.platformProblemId' },
    ]);
  });
});
