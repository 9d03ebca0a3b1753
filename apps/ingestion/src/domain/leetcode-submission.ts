import { epochSeconds, objectAt, optionalString, requiredString } from './fields';
import { type ImportRecord, RecordError } from './import-record';
import { isLeetCodeSlug, MAX_LEETCODE_SLUG_LENGTH } from './import-limits';
import { leetcodeVerdict, NOT_FINAL } from './verdicts';

/** What the problem catalog (or a `question(titleSlug)` lookup) knows of a LeetCode problem. */
export interface LeetCodeQuestion {
  titleSlug: string;
  title: string;
  difficulty: 'easy' | 'medium' | 'hard' | null;
  tags: string[];
}

/** "52 ms" → 52; "N/A" or missing → null. */
export function parseRuntimeMs(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return null;
  const match = /^([\d.]+)\s*ms$/i.exec(value.trim());
  return match ? Number(match[1]) : null;
}

/** "17.4 MB" → 17818 (KiB); "900 KB" → 900; missing → null. */
export function parseMemoryKb(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value / 1024);
  if (typeof value !== 'string') return null;
  const match = /^([\d.]+)\s*(KB|MB|GB)$/i.exec(value.trim());
  if (!match) return null;
  const factor = { KB: 1, MB: 1024, GB: 1024 * 1024 }[match[2].toUpperCase() as 'KB' | 'MB' | 'GB'];
  return Math.round(Number(match[1]) * factor);
}

export function leetcodeProblemUrl(titleSlug: string): string {
  return `https://leetcode.com/problems/${titleSlug}/`;
}

/**
 * One submission of a LeetCode GraphQL answer: `recentAcSubmissionList` items (id, title,
 * titleSlug, timestamp; all accepted) or `submissionList` / `questionSubmissionList` items
 * (also statusDisplay, lang, runtime, memory). Difficulty and tags come from `question`.
 */
export function parseLeetCodeSubmission(
  raw: unknown,
  index: number,
  question: (titleSlug: string) => LeetCodeQuestion | undefined,
  acceptedList: boolean,
): ImportRecord {
  const submission = objectAt(raw, 'submission');
  const id = requiredString(submission.id, 'id', 30);
  const titleSlug = requiredString(submission.titleSlug, 'titleSlug', MAX_LEETCODE_SLUG_LENGTH);
  if (!isLeetCodeSlug(titleSlug))
    throw new RecordError(
      'titleSlug',
      'must be a LeetCode problem slug: lower-case letters and digits joined by single hyphens',
    );
  if (submission.isPending === true || submission.isPending === 'true')
    throw new RecordError('statusDisplay', `submission ${id} is still being judged`, 'NOT_FINAL');
  const verdict = acceptedList
    ? 'accepted'
    : leetcodeVerdict(optionalString(submission.statusDisplay, 'statusDisplay', 50));
  if (verdict === NOT_FINAL)
    throw new RecordError('statusDisplay', `submission ${id} is still being judged`, 'NOT_FINAL');
  const known = question(titleSlug);
  return {
    index,
    platformSubmissionId: id,
    problem: {
      platformProblemId: titleSlug,
      // LeetCode's own title wins over the one in the body when the question is known.
      title: known?.title || optionalString(submission.title, 'title') || '',
      difficulty: known?.difficulty ?? null,
      rating: null,
      tags: known?.tags ?? [],
      url: leetcodeProblemUrl(titleSlug),
      verified: known !== undefined,
    },
    verdict,
    language: optionalString(submission.lang ?? submission.langName, 'lang', 50),
    submittedAt: epochSeconds(submission.timestamp, 'timestamp'),
    runtimeMs: parseRuntimeMs(submission.runtime),
    memoryKb: parseMemoryKb(submission.memory),
    solveTimeSeconds: null,
  };
}
