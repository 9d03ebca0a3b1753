import type { Difficulty } from '@prepmate/contracts';

/** Bayesian Knowledge Tracing parameters (docs/product.md#topic-statistics); all configurable. */
export interface BktParams {
  initial: number;
  transit: number;
  guess: Record<Difficulty, number>;
  slip: Record<Difficulty, number>;
}

export const DEFAULT_BKT: BktParams = {
  initial: 0.2,
  transit: 0.15,
  guess: { easy: 0.3, medium: 0.2, hard: 0.1 },
  slip: { easy: 0.05, medium: 0.1, hard: 0.15 },
};

/** P(L) after one observation: the Bayes posterior, then the learning transition. */
export function bktUpdate(
  prior: number,
  correct: boolean,
  difficulty: Difficulty,
  params: BktParams,
): number {
  const guess = params.guess[difficulty];
  const slip = params.slip[difficulty];
  const posterior = correct
    ? (prior * (1 - slip)) / (prior * (1 - slip) + (1 - prior) * guess)
    : (prior * slip) / (prior * slip + (1 - prior) * (1 - guess));
  return posterior + (1 - posterior) * params.transit;
}
