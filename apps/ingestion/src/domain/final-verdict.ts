import { codeforcesVerdict, leetcodeVerdict, NOT_FINAL } from './verdicts';

/**
 * Whether a Codeforces submission read by the adapter has its final verdict (one still being
 * judged is read again by a later sync; docs/product.md#ingestion).
 */
export function isFinalCodeforcesSubmission(raw: Record<string, unknown>): boolean {
  return codeforcesVerdict(typeof raw.verdict === 'string' ? raw.verdict : null) !== NOT_FINAL;
}

/**
 * Whether a LeetCode submission read by the adapter has its final verdict. The list of
 * accepted submissions holds only final ones; the full list marks pending ones with
 * `isPending` (a boolean, or the string "true") or a pending `statusDisplay`.
 */
export function isFinalLeetCodeSubmission(
  raw: Record<string, unknown>,
  fromAcceptedList: boolean,
): boolean {
  if (fromAcceptedList) return true;
  if (raw.isPending === true || raw.isPending === 'true') return false;
  return (
    leetcodeVerdict(typeof raw.statusDisplay === 'string' ? raw.statusDisplay : null) !== NOT_FINAL
  );
}
