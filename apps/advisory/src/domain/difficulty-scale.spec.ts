import {
  catalogDifficultyOf,
  difficultiesForLevel,
  fitsLevel,
  taskDifficulty,
} from './difficulty-scale';

describe('difficulty scale', () => {
  it('maps the 1–10 scale onto the catalog: 1–3 easy, 4–6 medium, 7–10 hard', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(catalogDifficultyOf)).toEqual([
      'easy',
      'easy',
      'easy',
      'easy',
      'medium',
      'medium',
      'medium',
      'hard',
      'hard',
      'hard',
      'hard',
    ]);
  });

  it('gives a problem the point of its band nearest the level', () => {
    expect(taskDifficulty('easy', 0)).toBe(1);
    expect(taskDifficulty('easy', 2)).toBe(2);
    expect(taskDifficulty('easy', 5)).toBe(3);
    expect(taskDifficulty('medium', 2)).toBe(4);
    expect(taskDifficulty('hard', 10)).toBe(10);
  });

  it('accepts only whole difficulties 1–10 within ±1 of the level', () => {
    expect(fitsLevel(3, 2)).toBe(true);
    expect(fitsLevel(1, 2)).toBe(true);
    expect(fitsLevel(4, 2)).toBe(false);
    expect(fitsLevel(0, 0)).toBe(false);
    expect(fitsLevel(1, 0)).toBe(true);
    expect(fitsLevel(2.5, 2)).toBe(false);
    expect(fitsLevel(11, 10)).toBe(false);
  });

  it('falls back to a neighbouring band only while it stays within ±1', () => {
    expect(difficultiesForLevel(0)).toEqual(['easy']);
    expect(difficultiesForLevel(2)).toEqual(['easy']);
    expect(difficultiesForLevel(3)).toEqual(['easy', 'medium']);
    expect(difficultiesForLevel(4)).toEqual(['medium', 'easy']);
    expect(difficultiesForLevel(5)).toEqual(['medium']);
    expect(difficultiesForLevel(6)).toEqual(['medium', 'hard']);
    expect(difficultiesForLevel(7)).toEqual(['hard', 'medium']);
    expect(difficultiesForLevel(10)).toEqual(['hard']);
  });

  it('every difficulty it offers yields a task difficulty that passes the guardrail', () => {
    for (let level = 0; level <= 10; level += 1)
      for (const difficulty of difficultiesForLevel(level))
        expect(fitsLevel(taskDifficulty(difficulty, level), level)).toBe(true);
  });
});
