import type { ImportRecord, Rejection } from './import-record';

/** LeetCode problem slugs: lower-case words of letters and digits joined by single hyphens. */
const LEETCODE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_LEETCODE_SLUG_LENGTH = 100;

/** Whether `value` can be a LeetCode `titleSlug` (checked before anything is looked up). */
export function isLeetCodeSlug(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_LEETCODE_SLUG_LENGTH &&
    LEETCODE_SLUG.test(value)
  );
}

/** The distinct keys in first-seen order, split into the first `allowed` and the rest. */
export function splitDistinct(
  keys: Iterable<string>,
  allowed: number,
): { admitted: string[]; refused: Set<string> } {
  const distinct = [...new Set(keys)];
  const cut = Math.max(0, Math.min(allowed, distinct.length));
  return { admitted: distinct.slice(0, cut), refused: new Set(distinct.slice(cut)) };
}

/**
 * Takes the records whose key is refused out of `records`, each becoming its own rejection;
 * the rest of the import goes on.
 */
export function refuseRecords(
  records: ImportRecord[],
  refused: ReadonlySet<string>,
  keyOf: (record: ImportRecord) => string,
  reason: (record: ImportRecord) => Omit<Rejection, 'index'>,
): { records: ImportRecord[]; rejected: Rejection[] } {
  if (refused.size === 0) return { records, rejected: [] };
  const kept: ImportRecord[] = [];
  const rejected: Rejection[] = [];
  for (const record of records) {
    if (refused.has(keyOf(record))) rejected.push({ index: record.index, ...reason(record) });
    else kept.push(record);
  }
  return { records: kept, rejected };
}
