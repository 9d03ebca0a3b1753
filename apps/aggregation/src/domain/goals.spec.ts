import { goalAtRisk, goalProgress, goalReached, weekActivity } from './goals';

const week = { problems: 4, minutes: 90, mastery: { graphs: 0.72 } };

describe('weekly goal progress and pace', () => {
  it('reads progress by kind', () => {
    expect(goalProgress({ kind: 'problems', topic: null }, week)).toBe(4);
    expect(goalProgress({ kind: 'minutes', topic: null }, week)).toBe(90);
    expect(goalProgress({ kind: 'topic_mastery', topic: 'graphs' }, week)).toBe(0.72);
    expect(goalProgress({ kind: 'topic_mastery', topic: 'dp' }, week)).toBe(0);
  });

  it('is reached at the target', () => {
    expect(goalReached(4, 4)).toBe(true);
    expect(goalReached(5, 4)).toBe(false);
  });

  it('judges counting goals from Wednesday at target · elapsed/7 − 15 %', () => {
    const goal = { kind: 'problems' as const, target: 14 };
    // 2026-03-02 is a Monday.
    expect(goalAtRisk(goal, 0, '2026-03-02')).toBe(false); // Monday
    expect(goalAtRisk(goal, 0, '2026-03-03')).toBe(false); // Tuesday
    // Wednesday: expected 14·2/7 − 2.1 = 1.9
    expect(goalAtRisk(goal, 1, '2026-03-04')).toBe(true);
    expect(goalAtRisk(goal, 2, '2026-03-04')).toBe(false);
    // Sunday: expected 14·6/7 − 2.1 = 9.9
    expect(goalAtRisk(goal, 9, '2026-03-08')).toBe(true);
    expect(goalAtRisk(goal, 10, '2026-03-08')).toBe(false);
    expect(goalAtRisk(goal, 14, '2026-03-08')).toBe(false);
  });

  it('judges mastery goals from Friday', () => {
    const goal = { kind: 'topic_mastery' as const, target: 0.8 };
    expect(goalAtRisk(goal, 0.5, '2026-03-05')).toBe(false); // Thursday
    expect(goalAtRisk(goal, 0.5, '2026-03-06')).toBe(true); // Friday
    expect(goalAtRisk(goal, 0.85, '2026-03-06')).toBe(false);
  });
});

describe("this week's activity", () => {
  const activity = {
    '2026-03-01': { problems: ['p0'], tasks: { t0: 60 } }, // Sunday of the week before
    '2026-03-02': { problems: ['p1', 'p2'], tasks: { t1: 30 } }, // Monday
    '2026-03-04': { problems: ['p2', 'p3'], tasks: { t2: 15, t3: 0 } },
    '2026-03-09': { problems: ['p4'], tasks: { t4: 20 } }, // next Monday
  };

  it('counts distinct problems and task minutes from Monday to today', () => {
    expect(weekActivity(activity, '2026-03-05', {})).toEqual({
      problems: 3,
      minutes: 45,
      mastery: {},
    });
    expect(weekActivity(activity, '2026-03-02', {})).toMatchObject({ problems: 2, minutes: 30 });
  });

  it('starts again on Monday', () => {
    expect(weekActivity(activity, '2026-03-09', {})).toMatchObject({ problems: 1, minutes: 20 });
    expect(weekActivity(activity, '2026-03-01', {})).toMatchObject({ problems: 1, minutes: 60 });
  });

  it('counts a task once even if it shows on two days', () => {
    const twice = {
      '2026-03-02': { problems: [], tasks: { t1: 30 } },
      '2026-03-03': { problems: [], tasks: { t1: 30 } },
    };
    expect(weekActivity(twice, '2026-03-04', {}).minutes).toBe(30);
  });
});
