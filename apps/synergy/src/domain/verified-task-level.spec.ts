import { addVerifiedTask, EMPTY_PROFILE, mergeReport } from './learner-profile';
import { learningLevel } from './level';

describe('a verified task adds to the level', () => {
  const solved = mergeReport(EMPTY_PROFILE, {
    topics: [],
    solvedByDifficulty: { easy: 2, medium: 1, hard: 0 },
    aggregatedAt: '2026-11-30T10:00:00.000Z',
  }).profile;

  it('2 points per verified task on top of the solved problems', () => {
    const change = addVerifiedTask(solved, 'task-1');
    expect(change.profile.points).toBe(5 + 2);
    expect(change.profile.level).toBeCloseTo(learningLevel(7), 12);
    expect(change.levelChanged).toBe(true);
    expect(change.profile.verifiedTaskIds).toEqual(['task-1']);
  });

  it('counts a task once (a redelivered task.completed changes nothing)', () => {
    const once = addVerifiedTask(solved, 'task-1').profile;
    const again = addVerifiedTask(once, 'task-1');
    expect(again.levelChanged).toBe(false);
    expect(again.profile.points).toBe(7);
  });

  it('keeps the task points when a later aggregation replaces the solved counts', () => {
    const withTask = addVerifiedTask(solved, 'task-1').profile;
    const later = mergeReport(withTask, {
      topics: [],
      solvedByDifficulty: { easy: 3, medium: 1, hard: 0 },
      aggregatedAt: '2026-11-30T11:00:00.000Z',
    }).profile;
    expect(later.points).toBe(6 + 2);
  });

  it('a profile stored before tasks existed counts from none', () => {
    const { verifiedTaskIds: _none, ...older } = solved;
    expect(addVerifiedTask(older, 't').profile.points).toBe(7);
  });
});
