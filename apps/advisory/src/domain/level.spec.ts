import { learningLevel, levelPoints } from './level';

const solved = (...difficulties: Array<'easy' | 'medium' | 'hard'>) =>
  difficulties.map((difficulty, index) => ({ canonicalProblemId: `p${index}`, difficulty }));

describe('learning level', () => {
  it('is 0 without solved problems', () => {
    expect(learningLevel([])).toEqual({ level: 0, roundedLevel: 0, points: 0 });
  });

  it('counts easy 1, medium 3, hard 6 points per distinct problem', () => {
    expect(levelPoints(solved('easy', 'medium', 'hard'))).toBe(10);
    const twice = [
      { canonicalProblemId: 'a', difficulty: 'hard' as const },
      { canonicalProblemId: 'a', difficulty: 'hard' as const },
    ];
    expect(levelPoints(twice)).toBe(6);
  });

  it('follows 10·(1 − e^(−points/200))', () => {
    // 27 easy + 6 medium + 1 hard = 51 points (the Codeforces fixture's solves)
    const level = learningLevel(
      solved(...Array(27).fill('easy'), ...Array(6).fill('medium'), 'hard'),
    );
    expect(level.points).toBe(51);
    expect(level.level).toBeCloseTo(10 * (1 - Math.exp(-51 / 200)), 4);
    expect(level.roundedLevel).toBe(2);
  });

  it('approaches but never passes 10', () => {
    const level = learningLevel(solved(...Array(1000).fill('hard')));
    expect(level.level).toBeLessThanOrEqual(10);
    expect(level.roundedLevel).toBe(10);
  });

  it('rounds half up: 1.5 → 2', () => {
    // 10·(1 − e^(−p/200)) = 1.5 ⇔ p ≈ 32.5; 33 points → 1.5208
    expect(learningLevel(solved(...Array(11).fill('medium'))).roundedLevel).toBe(2);
  });
});
