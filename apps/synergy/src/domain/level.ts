/** Distinct solved problems by difficulty, as aggregation reports them. */
export interface SolvedByDifficulty {
  easy: number;
  medium: number;
  hard: number;
}

/** Points of one distinct solved problem by its difficulty (docs/synergy.md, "Levels"). */
export const LEVEL_POINTS: SolvedByDifficulty = { easy: 1, medium: 3, hard: 6 };

/**
 * Points of one verified task (docs/synergy.md, "Levels"): the work a learner proved beyond
 * the problems they solved (a GitHub task, a problem solved again on purpose).
 */
export const TASK_POINTS = 2;

/** The scale of the level curve: 200 points bring a learner to 10·(1 − 1/e) ≈ 6.32. */
export const LEVEL_SCALE_POINTS = 200;

/** points = Σ over distinct solved problems of easy 1, medium 3, hard 6, + 2 per verified task. */
export function levelPoints(solved: SolvedByDifficulty, verifiedTasks = 0): number {
  return (
    solved.easy * LEVEL_POINTS.easy +
    solved.medium * LEVEL_POINTS.medium +
    solved.hard * LEVEL_POINTS.hard +
    verifiedTasks * TASK_POINTS
  );
}

/** Learning level 0–10: 10·(1 − e^(−points/200)). */
export function learningLevel(points: number): number {
  return 10 * (1 - Math.exp(-Math.max(0, points) / LEVEL_SCALE_POINTS));
}

/** The suggestion bucket of a level: its integer part, 0–9 (10 is only reached in the limit). */
export function levelBucket(level: number): number {
  return Math.min(9, Math.max(0, Math.floor(level)));
}
