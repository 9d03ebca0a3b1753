import fc from 'fast-check';
import {
  bucketOf,
  emptyHistogram,
  HISTOGRAM_BUCKETS,
  histogramOf,
  moveInHistogram,
  standingFromHistogram,
} from './mastery-histogram';
import { standing } from './topic-metrics';

const mastery = fc.double({ min: 0, max: 1, noNaN: true });

describe('mastery histograms', () => {
  it('bucket i holds [i/1000, (i+1)/1000); 1 falls in the last one', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.0009)).toBe(0);
    expect(bucketOf(0.001)).toBe(1);
    expect(bucketOf(0.5)).toBe(500);
    expect(bucketOf(1)).toBe(HISTOGRAM_BUCKETS - 1);
    expect(bucketOf(-0.1)).toBe(0);
  });

  it('moves a user between buckets, adds and removes them, never mutating', () => {
    const start = histogramOf([0.2, 0.2, 0.7]);
    const moved = moveInHistogram(start, 0.2, 0.9);
    expect(start.counts).toEqual({ '200': 2, '700': 1 });
    expect(moved).toMatchObject({ counts: { '200': 1, '700': 1, '900': 1 }, total: 3 });
    expect(moved.sum).toBeCloseTo(1.8, 12);
    expect(moveInHistogram(moved, null, 0.1).total).toBe(4);
    const last = moveInHistogram(moveInHistogram(moved, 0.2, null), 0.7, null);
    expect(last).toMatchObject({ counts: { '900': 1 }, total: 1 });
    expect(last.sum).toBeCloseTo(0.9, 12);
    expect(moveInHistogram(histogramOf([0.3]), 0.3, null)).toEqual(emptyHistogram());
  });

  it('a user alone ranks 100, at the average, as the exact standing', () => {
    expect(standingFromHistogram(0.4, null)).toEqual(standing(0.4, []));
    expect(standingFromHistogram(0.4, emptyHistogram())).toEqual(standing(0.4, []));
    expect(standingFromHistogram(0.4, histogramOf([0.4]))).toEqual(standing(0.4, [0.4]));
  });

  it('equals the exact percentile when no one else shares the reader’s 0.001 bucket', () => {
    const population = [0.05, 0.2, 0.5, 0.8, 0.9];
    for (const reader of population) {
      const approx = standingFromHistogram(reader, histogramOf(population));
      const exact = standing(reader, population);
      expect(approx.percentileRank).toBe(exact.percentileRank);
      expect(approx.comparisonVsAverage).toBeCloseTo(exact.comparisonVsAverage, 12);
    }
  });

  it('is within the documented resolution of the exact value for any population', () => {
    fc.assert(
      fc.property(fc.array(mastery, { minLength: 1, maxLength: 300 }), mastery, (others, own) => {
        const population = [...others, own];
        const approx = standingFromHistogram(own, histogramOf(population));
        const exact = standing(own, population);
        // Only users above the reader inside the reader's own bucket are counted wrongly.
        const sameBucketAbove = population.filter(
          (other) => other > own && bucketOf(other) === bucketOf(own),
        ).length;
        const bound = (100 * sameBucketAbove) / population.length;
        expect(approx.percentileRank).toBeGreaterThanOrEqual(exact.percentileRank - 1e-9);
        expect(approx.percentileRank - exact.percentileRank).toBeLessThanOrEqual(bound + 1e-9);
        expect(approx.comparisonVsAverage).toBeCloseTo(exact.comparisonVsAverage, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('an incrementally kept histogram equals the one rebuilt from the final masteries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.option(mastery, { nil: null })), {
          maxLength: 200,
        }),
        (moves) => {
          const current = new Map<number, number>();
          let kept = emptyHistogram();
          for (const [user, to] of moves) {
            kept = moveInHistogram(kept, current.get(user) ?? null, to);
            if (to === null) current.delete(user);
            else current.set(user, to);
          }
          const rebuilt = histogramOf(current.values());
          expect(kept.counts).toEqual(rebuilt.counts);
          expect(kept.total).toBe(rebuilt.total);
          expect(kept.sum).toBeCloseTo(rebuilt.sum, 9);
        },
      ),
    );
  });
});
