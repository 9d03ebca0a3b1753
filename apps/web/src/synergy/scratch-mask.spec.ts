import { COLS, coverageOf, emptyMask, ROWS, scratchMask, strokeAcross, unit } from './scratch-mask';

describe('scratch mask', () => {
  it('starts fully covered', () => {
    expect(coverageOf(emptyMask())).toBe(0);
    expect(emptyMask()).toHaveLength(COLS * ROWS);
  });

  it('a point clears the cells within the brush only', () => {
    // 400×160 px: cells are 10×10 with centres at 5, 15, 25 …; from (200, 80) the four
    // nearest centres (195|205, 75|85) are √50 ≈ 7.07 px away, the next ones ≥ 15.8 px.
    const one = scratchMask(emptyMask(), [{ x: 0.5, y: 0.5 }], 400, 160, 8);
    expect(one.filter(Boolean)).toHaveLength(4);
    expect(coverageOf(one)).toBeCloseTo(4 / (COLS * ROWS), 12);
    const none = scratchMask(emptyMask(), [{ x: 0.5, y: 0.5 }], 400, 160, 7);
    expect(none.filter(Boolean)).toHaveLength(0);
  });

  it('coverage only grows and a full sweep clears everything', () => {
    let mask = emptyMask();
    let previous = 0;
    for (let row = 0; row < ROWS; row++) {
      mask = scratchMask(mask, strokeAcross((row + 0.5) / ROWS, COLS), 400, 160, 8);
      const now = coverageOf(mask);
      expect(now).toBeGreaterThan(previous);
      previous = now;
    }
    expect(previous).toBe(1);
    // scratching again where it is already clear changes nothing
    expect(coverageOf(scratchMask(mask, [{ x: 0.1, y: 0.1 }], 400, 160, 8))).toBe(1);
  });

  it('sends points clamped to 0–1 with 4 decimals', () => {
    expect(unit(-0.2)).toBe(0);
    expect(unit(1.3)).toBe(1);
    expect(unit(0.123456)).toBe(0.1235);
  });
});
