/** Coverage at which a post's content is revealed to its scratcher (docs/synergy.md, "Scratch"). */
export const REVEAL_COVERAGE = 0.6;

/** Coverage only grows: the stored value is the highest one ever reported. */
export function grownCoverage(stored: number | undefined, reported: number): number {
  return Math.max(stored ?? 0, reported);
}

/** Revealed once the highest coverage reached 0.6; since coverage never shrinks, it stays so. */
export function isRevealed(coverage: number): boolean {
  return coverage >= REVEAL_COVERAGE;
}
