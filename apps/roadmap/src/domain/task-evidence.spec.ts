import { judgeCommits, judgeSubmissions, type SubmissionSeen } from './task-evidence';

const start = new Date('2026-11-30T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('judging submissions of a task', () => {
  it('an accepted submission at the start verifies it (the earliest is the evidence)', () => {
    const seen: SubmissionSeen[] = [
      { ref: 'codeforces:3', verdict: 'accepted', submittedAt: at('2026-11-30T11:00:00Z') },
      { ref: 'codeforces:2', verdict: 'accepted', submittedAt: start },
      { ref: 'codeforces:1', verdict: 'wrong_answer', submittedAt: at('2026-11-30T09:00:00Z') },
    ];
    expect(judgeSubmissions(start, seen)).toEqual({
      verified: true,
      evidence: { ref: 'codeforces:2', at: start },
    });
  });

  it('accepted before the start does not verify it, and says so', () => {
    const judgement = judgeSubmissions(start, [
      { ref: 'leetcode:9', verdict: 'accepted', submittedAt: at('2026-11-29T10:00:00Z') },
    ]);
    expect(judgement).toEqual({
      verified: false,
      reason:
        'the accepted submission leetcode:9 (2026-11-29T10:00:00.000Z) was made before the task started (2026-11-30T10:00:00.000Z); solve it again',
    });
  });

  it('a wrong answer after the start does not verify it; the verdicts are named', () => {
    const judgement = judgeSubmissions(start, [
      { ref: 'codeforces:5', verdict: 'wrong_answer', submittedAt: at('2026-11-30T10:05:00Z') },
      {
        ref: 'codeforces:6',
        verdict: 'time_limit_exceeded',
        submittedAt: at('2026-11-30T10:06:00Z'),
      },
      { ref: 'codeforces:4', verdict: 'accepted', submittedAt: at('2026-11-01T00:00:00Z') },
    ]);
    expect(judgement).toEqual({
      verified: false,
      reason:
        'no accepted submission since the task started (2026-11-30T10:00:00.000Z); seen: wrong answer, time limit exceeded',
    });
  });

  it('nothing seen: nothing since the start', () => {
    expect(judgeSubmissions(start, [])).toEqual({
      verified: false,
      reason: 'no submission of the problem since the task started (2026-11-30T10:00:00.000Z)',
    });
  });
});

describe('judging commits of a task', () => {
  it('the first commit at or after the start verifies it', () => {
    expect(
      judgeCommits(start, 'o/r', undefined, [
        { ref: 'o/r@b', committedAt: at('2026-11-30T12:00:00Z') },
        { ref: 'o/r@a', committedAt: at('2026-11-30T10:30:00Z') },
        { ref: 'o/r@old', committedAt: at('2026-11-30T09:59:59Z') },
      ]),
    ).toEqual({ verified: true, evidence: { ref: 'o/r@a', at: at('2026-11-30T10:30:00Z') } });
  });

  it('only older commits: not verified, the path is named', () => {
    expect(
      judgeCommits(start, 'o/r', 'src/graphs', [
        { ref: 'o/r@old', committedAt: at('2026-11-30T09:59:59Z') },
      ]),
    ).toEqual({
      verified: false,
      reason:
        'no commit in o/r touching src/graphs since the task started (2026-11-30T10:00:00.000Z)',
    });
  });
});
