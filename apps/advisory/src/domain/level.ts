import type { Difficulty } from '@prepmate/contracts';

/** Points of one distinct solved canonical problem, by its catalog difficulty (docs/advisory.md). */
export const LEVEL_POINTS: Record<Difficulty, number> = { easy: 1, medium: 3, hard: 6 };

/** Points at which the level reaches 1 − 1/e of its maximum. */
export const LEVEL_SCALE_POINTS = 200;

export interface LearnerLevel {
  /** 10·(1 − e^(−points/200)), 0..10, to 4 decimals. */
  level: number;
  /** The level rounded to a whole number: what a task's difficulty must be within ±1 of. */
  roundedLevel: number;
  points: number;
}

/** Σ points over the distinct solved problems (a problem listed twice counts once). */
export function levelPoints(
  solved: ReadonlyArray<{ canonicalProblemId: string; difficulty: Difficulty }>,
): number {
  const byId = new Map(solved.map((problem) => [problem.canonicalProblemId, problem.difficulty]));
  let points = 0;
  for (const difficulty of byId.values()) points += LEVEL_POINTS[difficulty];
  return points;
}

/** The learning level of PRODUCT's synergy rules, computed here from aggregation's data. */
export function learningLevel(
  solved: ReadonlyArray<{ canonicalProblemId: string; difficulty: Difficulty }>,
): LearnerLevel {
  const points = levelPoints(solved);
  const exact = 10 * (1 - Math.exp(-points / LEVEL_SCALE_POINTS));
  return {
    level: Math.round(exact * 1e4) / 1e4,
    roundedLevel: Math.round(exact),
    points,
  };
}
