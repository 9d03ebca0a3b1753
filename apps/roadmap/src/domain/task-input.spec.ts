import { taskInputProblems } from './task-input';

const now = new Date('2026-11-30T10:00:00Z');

describe('task input rules', () => {
  it('accepts a codeforces task with its problem', () => {
    expect(
      taskInputProblems(
        { description: 'x', verificationSource: 'codeforces', problemId: 'p1' },
        now,
      ),
    ).toEqual([]);
  });

  it('a coding task without a problem is refused', () => {
    expect(taskInputProblems({ description: 'x', verificationSource: 'leetcode' }, now)).toEqual([
      'a leetcode task needs problemId (a canonical problem id)',
    ]);
  });

  it('a github task needs a repository; repository is for github only', () => {
    expect(taskInputProblems({ description: 'x', verificationSource: 'github' }, now)).toEqual([
      'a github task needs verificationRequirements.repository (owner/name)',
    ]);
    expect(
      taskInputProblems(
        {
          description: 'x',
          verificationSource: 'codeforces',
          problemId: 'p',
          verificationRequirements: { repository: 'o/r' },
        },
        now,
      ),
    ).toEqual(['repository and path are for github tasks only']);
  });

  it('a due date in the past is refused', () => {
    expect(
      taskInputProblems(
        {
          description: 'x',
          verificationSource: 'github',
          verificationRequirements: { repository: 'o/r' },
          dueAt: '2026-11-29T00:00:00Z',
        },
        now,
      ),
    ).toEqual(['dueAt is in the past']);
  });
});
