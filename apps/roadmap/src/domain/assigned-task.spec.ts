import { lockedFieldsChanged } from './assigned-task';

describe('lockedFieldsChanged', () => {
  it('lets the learner change anything on their own task', () => {
    expect(
      lockedFieldsChanged(null, { verificationSource: 'github', problemId: 'p', topic: 'dp' }),
    ).toEqual([]);
  });

  it("refuses the fields that decide verification on a mentor's task", () => {
    expect(
      lockedFieldsChanged('mentor-1', {
        verificationSource: 'github',
        verificationRequirements: { repository: 'a/b' },
        problemId: 'p',
        topic: 'dp',
      }),
    ).toEqual(['topic', 'problemId', 'verificationSource', 'verificationRequirements']);
  });

  it("lets the learner reword a mentor's task and move its estimate and due date", () => {
    expect(
      lockedFieldsChanged('mentor-1', {
        description: 'clearer words',
        estimatedTimeMinutes: 30,
        dueAt: '2027-01-01T00:00:00Z',
      }),
    ).toEqual([]);
  });
});
