import { adviceMessage, budgetDay } from './advice';

describe('adviceMessage', () => {
  it('says where the learner is, what to revise and what to solve next', () => {
    expect(
      adviceMessage({
        roadmapName: 'Interview Core',
        completionPercentage: 12.5,
        nextTopic: { topicName: 'Two Pointers', reason: 'core topic, dependencies completed' },
        task: { description: 'Solve "Watermelon", an easy Math problem.' },
        revisions: 2,
      }),
    ).toBe(
      'You are 12.5% through Interview Core. 2 solved problems are about to be forgotten: revise before anything new. Next topic: Two Pointers (core topic, dependencies completed). Solve "Watermelon", an easy Math problem.',
    );
  });

  it('says when the catalog has nothing unsolved, and when the roadmap is complete', () => {
    expect(
      adviceMessage({
        roadmapName: 'Graphs',
        completionPercentage: 40,
        nextTopic: { topicName: 'Graphs', reason: 'core' },
        task: null,
        revisions: 0,
      }),
    ).toMatch(/no problem on it you have not solved/);
    expect(
      adviceMessage({
        roadmapName: 'Graphs',
        completionPercentage: 100,
        nextTopic: null,
        task: null,
        revisions: 0,
      }),
    ).toBe(
      'You are 100% through Graphs. Every topic of this roadmap is complete: follow another roadmap to keep going.',
    );
  });
});

describe('budgetDay', () => {
  it('is the UTC day', () => {
    expect(budgetDay(Date.UTC(2026, 2, 1, 23, 59))).toBe('2026-03-01');
  });
});
