import { readinessBreakdown, readinessOutlook } from './readiness-breakdown';

describe('readinessBreakdown', () => {
  it('shows each input with its weight and the points it brings', () => {
    const rows = readinessBreakdown({
      pci: 0.5,
      retention: 0.9,
      revisionHealth: 0.8,
      weights: { pci: 0.6, retention: 0.25, revisionHealth: 0.15 },
    });
    expect(rows.map((r) => [r.key, r.value, r.weight, r.points])).toEqual([
      ['pci', 0.5, 0.6, 30],
      ['retention', 0.9, 0.25, 22.5],
      ['revisionHealth', 0.8, 0.15, 12],
    ]);
    // the points add up to the unrounded score
    expect(rows.reduce((sum, r) => sum + r.points, 0)).toBeCloseTo(64.5, 10);
  });

  it('falls back to the documented weights', () => {
    const rows = readinessBreakdown({
      pci: 1,
      retention: 0,
      revisionHealth: 0,
      weights: {},
    });
    expect(rows.map((r) => r.weight)).toEqual([0.6, 0.25, 0.15]);
    expect(rows[0].points).toBe(60);
  });
});

describe('readinessOutlook', () => {
  const base = { readyScore: 80, targetDate: null, onTrack: null, projectedReadyDate: null };

  it('says ready, unknown, or compares with the target date', () => {
    expect(readinessOutlook({ ...base, score: 85 })).toMatch(/^Ready/);
    expect(readinessOutlook({ ...base, score: 40 })).toMatch(/^No projected date yet/);
    expect(readinessOutlook({ ...base, score: 40, projectedReadyDate: '2027-02-01' })).toBe(
      'Projected to reach 80 on 2027-02-01; set a target date in your profile to compare.',
    );
    expect(
      readinessOutlook({
        ...base,
        score: 40,
        projectedReadyDate: '2027-02-01',
        targetDate: '2027-03-01',
        onTrack: true,
      }),
    ).toBe('Projected to reach 80 on 2027-02-01, on track for your target date 2027-03-01.');
    expect(
      readinessOutlook({
        ...base,
        score: 40,
        projectedReadyDate: '2027-04-01',
        targetDate: '2027-03-01',
        onTrack: false,
      }),
    ).toBe('Projected to reach 80 on 2027-04-01, after your target date 2027-03-01.');
  });
});
