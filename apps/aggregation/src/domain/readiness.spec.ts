import { readiness } from './readiness';

const base = {
  roadmaps: [
    { roadmapId: 'a', pciScore: 0.5 },
    { roadmapId: 'b', pciScore: 0.3 },
  ],
  retrievabilities: [0.9, 0.7, 0.8, 0.6],
  dueCards: 1,
  history: [],
  today: '2026-03-10',
  targetDate: '2026-06-01',
};

describe('readiness', () => {
  it('weighs mean PCI, retention and revision health', () => {
    // 100 · (0.6·0.4 + 0.25·0.75 + 0.15·0.75) = 54
    const result = readiness(base);
    expect(result.score).toBe(54);
    expect(result.components).toEqual({ pci: 0.4, retention: 0.75, revisionHealth: 0.75 });
    expect(result.pacePerDay).toBeNull();
    expect(result.projectedReadyDate).toBeNull();
    expect(result.onTrack).toBeNull();
  });

  it('is 0 with nothing to go on', () => {
    expect(readiness({ ...base, roadmaps: [], retrievabilities: [], dueCards: 0 }).score).toBe(0);
  });

  it('projects the ready date from the pace of the last 30 days', () => {
    const result = readiness({
      ...base,
      history: [
        { date: '2026-01-01', score: 0 }, // outside the window
        { date: '2026-02-08', score: 34 }, // 30 days before: the oldest in the window
        { date: '2026-03-01', score: 50 },
      ],
    });
    // pace (54 − 34) / 30 = 0.6667 a day; (80 − 54) / 0.6667 = 39 days
    expect(result.pacePerDay).toBe(0.6667);
    expect(result.projectedReadyDate).toBe('2026-04-18');
    expect(result.onTrack).toBe(true);
    expect(
      readiness({
        ...base,
        targetDate: '2026-04-01',
        history: result ? [{ date: '2026-02-08', score: 34 }] : [],
      }).onTrack,
    ).toBe(false);
  });

  it('needs a week of history and a positive pace', () => {
    expect(
      readiness({ ...base, history: [{ date: '2026-03-05', score: 10 }] }).pacePerDay,
    ).toBeNull();
    const falling = readiness({ ...base, history: [{ date: '2026-02-20', score: 70 }] });
    expect(falling.pacePerDay).toBeLessThan(0);
    expect(falling.projectedReadyDate).toBeNull();
  });

  it('is ready today at 80 or more', () => {
    const result = readiness({
      ...base,
      roadmaps: [{ roadmapId: 'a', pciScore: 1 }],
      retrievabilities: [0.9],
      dueCards: 0,
    });
    expect(result.score).toBe(98);
    expect(result.projectedReadyDate).toBe('2026-03-10');
    expect(result.onTrack).toBe(true);
  });
});
