/**
 * The scratch mask's geometry (docs/web.md, "Scratch feed"): the mask is a grid of cells; a
 * scratch point (0–1 on both axes) clears every cell whose centre lies within the brush of
 * it. Coverage is the share of cleared cells: it only grows, like the server's.
 */
export const COLS = 40;
export const ROWS = 16;

export interface MaskPoint {
  x: number;
  y: number;
}

export function emptyMask(): boolean[] {
  return new Array<boolean>(COLS * ROWS).fill(false);
}

/**
 * Clears the cells under a brush of `brushPx` pixels at each point, on a mask drawn
 * `width`×`height` pixels. Returns a new mask.
 */
export function scratchMask(
  mask: readonly boolean[],
  points: readonly MaskPoint[],
  width: number,
  height: number,
  brushPx: number,
): boolean[] {
  const next = [...mask];
  const r2 = brushPx * brushPx;
  for (const p of points) {
    const px = p.x * width;
    const py = p.y * height;
    for (let row = 0; row < ROWS; row++) {
      const dy = ((row + 0.5) / ROWS) * height - py;
      if (dy * dy > r2) continue;
      for (let col = 0; col < COLS; col++) {
        const dx = ((col + 0.5) / COLS) * width - px;
        if (dx * dx + dy * dy <= r2) next[row * COLS + col] = true;
      }
    }
  }
  return next;
}

export function coverageOf(mask: readonly boolean[]): number {
  return mask.filter(Boolean).length / mask.length;
}

/** The points of one horizontal stroke across the mask (the keyboard's way to scratch). */
export function strokeAcross(y: number, steps = 24): MaskPoint[] {
  return Array.from({ length: steps + 1 }, (_, i) => ({ x: i / steps, y }));
}

/** A value clamped to 0–1 and rounded to 4 decimals, as the points are sent. */
export function unit(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}
