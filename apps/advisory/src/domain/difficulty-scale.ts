import type { Difficulty } from '@prepmate/contracts';

/**
 * The catalog's three difficulties on the 1–10 task scale (docs/advisory.md): easy covers
 * 1–3, medium 4–6, hard 7–10, so a level of 0–3 practises easy problems, 4–6 medium, 7–10 hard.
 */
export const DIFFICULTY_SCALE: Record<Difficulty, { min: number; max: number }> = {
  easy: { min: 1, max: 3 },
  medium: { min: 4, max: 6 },
  hard: { min: 7, max: 10 },
};

/** How far a task's difficulty may be from the learner's rounded level (§7 guardrail). */
export const LEVEL_TOLERANCE = 1;

/** The catalog difficulty whose band holds this point of the scale (below 1 counts as 1). */
export function catalogDifficultyOf(scale: number): Difficulty {
  const point = Math.max(1, Math.round(scale));
  if (point <= DIFFICULTY_SCALE.easy.max) return 'easy';
  if (point <= DIFFICULTY_SCALE.medium.max) return 'medium';
  return 'hard';
}

/** The task difficulty of a problem of this catalog difficulty for this level: the band point nearest the level. */
export function taskDifficulty(catalog: Difficulty, roundedLevel: number): number {
  const band = DIFFICULTY_SCALE[catalog];
  return Math.min(band.max, Math.max(band.min, roundedLevel));
}

/** Whether a task difficulty satisfies the guardrail for this level. */
export function fitsLevel(difficulty: number, roundedLevel: number): boolean {
  return (
    Number.isInteger(difficulty) &&
    difficulty >= 1 &&
    difficulty <= 10 &&
    Math.abs(difficulty - roundedLevel) <= LEVEL_TOLERANCE
  );
}

/**
 * Catalog difficulties a task may use at this level, best first: the level's own band, then a
 * neighbouring band whose nearest point is still within the tolerance (level 4 may fall back
 * to easy at 3; level 5 may not).
 */
export function difficultiesForLevel(roundedLevel: number): Difficulty[] {
  const own = catalogDifficultyOf(roundedLevel);
  const others = (['easy', 'medium', 'hard'] as const).filter(
    (difficulty) =>
      difficulty !== own && fitsLevel(taskDifficulty(difficulty, roundedLevel), roundedLevel),
  );
  return [own, ...others];
}
