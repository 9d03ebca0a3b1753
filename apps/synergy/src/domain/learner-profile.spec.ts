import { EMPTY_PROFILE, masteryVector, mergeReport } from './learner-profile';
import { learningLevel } from './level';

describe('the learner profile keeps the latest report of each topic and of the solved counts', () => {
  it('merges reports in any order, ignores older and repeated ones and says what changed', () => {
    const first = mergeReport(EMPTY_PROFILE, {
      topics: [
        { topic: 'arrays', estimatedMastery: 0.5 },
        { topic: 'graphs', estimatedMastery: 0.3 },
      ],
      solvedByDifficulty: { easy: 2, medium: 1, hard: 0 },
      aggregatedAt: '2026-01-01T00:00:10.000Z',
    });
    expect(first).toMatchObject({ levelChanged: true, masteryChanged: true });
    expect(first.profile.points).toBe(5);
    expect(first.profile.level).toBeCloseTo(learningLevel(5), 12);

    const late = mergeReport(first.profile, {
      topics: [{ topic: 'arrays', estimatedMastery: 0.2 }],
      solvedByDifficulty: { easy: 1, medium: 0, hard: 0 },
      aggregatedAt: '2026-01-01T00:00:05.000Z',
    });
    expect(late).toMatchObject({ levelChanged: false, masteryChanged: false });
    expect(late.profile).toEqual(first.profile);

    const newer = mergeReport(first.profile, {
      topics: [{ topic: 'arrays', estimatedMastery: 0.7 }],
      solvedByDifficulty: { easy: 2, medium: 1, hard: 0 },
      aggregatedAt: '2026-01-01T00:00:20.000Z',
    });
    expect(newer).toMatchObject({ levelChanged: false, masteryChanged: true });
    expect(masteryVector(newer.profile.topics)).toEqual({ arrays: 0.7, graphs: 0.3 });
    expect(
      mergeReport(newer.profile, {
        ...newer.profile,
        topics: [],
        aggregatedAt: '2026-01-01T00:00:20.000Z',
      }).levelChanged,
    ).toBe(false);
  });
});
