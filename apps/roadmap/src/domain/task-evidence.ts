import type { Verdict } from '@prepmate/contracts';

/** A submission of the task's problem, as ingested (aggregation) or just normalized. */
export interface SubmissionSeen {
  /** `platform:platformSubmissionId`. */
  ref: string;
  verdict: Verdict;
  submittedAt: Date;
}

/** A commit in the task's repository. */
export interface CommitSeen {
  /** `owner/name@sha`. */
  ref: string;
  committedAt: Date;
}

export type Judgement =
  { verified: true; evidence: { ref: string; at: Date } } | { verified: false; reason: string };

/**
 * A coding task is verified by an accepted submission of its problem made at or after the
 * task started (docs/product.md#tasks): the earliest such one is the evidence. Otherwise
 * the reason names what was seen, so the learner knows what to do.
 */
export function judgeSubmissions(startedAt: Date, seen: readonly SubmissionSeen[]): Judgement {
  const since = seen.filter((s) => s.submittedAt.getTime() >= startedAt.getTime());
  const accepted = since
    .filter((s) => s.verdict === 'accepted')
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  if (accepted.length > 0)
    return { verified: true, evidence: { ref: accepted[0].ref, at: accepted[0].submittedAt } };
  const start = startedAt.toISOString();
  if (since.length > 0) {
    const verdicts = [...new Set(since.map((s) => s.verdict.replace(/_/g, ' ')))].join(', ');
    return {
      verified: false,
      reason: `no accepted submission since the task started (${start}); seen: ${verdicts}`,
    };
  }
  const before = seen
    .filter((s) => s.verdict === 'accepted')
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0];
  if (before)
    return {
      verified: false,
      reason: `the accepted submission ${before.ref} (${before.submittedAt.toISOString()}) was made before the task started (${start}); solve it again`,
    };
  return {
    verified: false,
    reason: `no submission of the problem since the task started (${start})`,
  };
}

/** A repository task is verified by a commit at or after the task started (the earliest). */
export function judgeCommits(
  startedAt: Date,
  repository: string,
  path: string | undefined,
  commits: readonly CommitSeen[],
): Judgement {
  const after = commits
    .filter((c) => c.committedAt.getTime() >= startedAt.getTime())
    .sort((a, b) => a.committedAt.getTime() - b.committedAt.getTime());
  if (after.length > 0)
    return { verified: true, evidence: { ref: after[0].ref, at: after[0].committedAt } };
  return {
    verified: false,
    reason: `no commit in ${repository}${path ? ` touching ${path}` : ''} since the task started (${startedAt.toISOString()})`,
  };
}
