import { blankTaskDraft, taskBody } from './task-body';

describe('taskBody', () => {
  it('leaves out what was not filled', () => {
    expect(taskBody({ ...blankTaskDraft(), description: '  Solve it ' })).toEqual({
      description: 'Solve it',
      verificationSource: 'leetcode',
    });
  });

  it('sends the problem of a coding task, never a repository', () => {
    const body = taskBody({
      ...blankTaskDraft(),
      description: 'Move and Turn',
      verificationSource: 'codeforces',
      problemId: 'p-1',
      repository: 'left/over',
      topic: 'dynamic-programming',
      estimatedTimeMinutes: '45',
    });
    expect(body).toEqual({
      description: 'Move and Turn',
      verificationSource: 'codeforces',
      problemId: 'p-1',
      topic: 'dynamic-programming',
      estimatedTimeMinutes: 45,
    });
  });

  it('sends the repository and path of a GitHub task, never a problem', () => {
    const body = taskBody({
      ...blankTaskDraft(),
      description: 'Notes',
      verificationSource: 'github',
      problemId: 'p-1',
      repository: ' ada/katas ',
      path: 'graphs',
    });
    expect(body).toEqual({
      description: 'Notes',
      verificationSource: 'github',
      verificationRequirements: { repository: 'ada/katas', path: 'graphs' },
    });
  });

  it('turns a local due time into an instant and keeps a non-number for the server to refuse', () => {
    const body = taskBody({
      ...blankTaskDraft(),
      description: 'x',
      dueAt: '2027-01-02T18:30',
      estimatedTimeMinutes: 'soon',
    });
    expect(body.dueAt).toBe(new Date('2027-01-02T18:30').toISOString());
    expect(body.estimatedTimeMinutes).toBeNaN();
  });
});
