import { readiness, withDailySample } from './readiness';

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

describe('the daily readiness sample', () => {
  const history = [
    { date: '2026-03-08', score: 40 },
    { date: '2026-03-01', score: 35 },
  ];

  it("adds today's sample in date order", () => {
    expect(withDailySample(history, '2026-03-10', 42, 31)).toEqual([
      { date: '2026-03-01', score: 35 },
      { date: '2026-03-08', score: 40 },
      { date: '2026-03-10', score: 42 },
    ]);
  });

  it('keeps one sample per local day: a later score of the same day replaces it', () => {
    const morning = withDailySample(history, '2026-03-10', 42, 31)!;
    const later = withDailySample(morning, '2026-03-10', 45, 31)!;
    expect(later.filter((sample) => sample.date === '2026-03-10')).toEqual([
      { date: '2026-03-10', score: 45 },
    ]);
    expect(later).toHaveLength(3);
  });

  it('writes nothing when today already holds that score (a repeated check)', () => {
    const morning = withDailySample(history, '2026-03-10', 42, 31)!;
    expect(withDailySample(morning, '2026-03-10', 42, 31)).toBeNull();
  });

  it('keeps the newest samples only', () => {
    expect(withDailySample(history, '2026-03-10', 42, 2)).toEqual([
      { date: '2026-03-08', score: 40 },
      { date: '2026-03-10', score: 42 },
    ]);
  });

  it('gives a pace once morning samples span a week, without any read in between', () => {
    let samples: Array<{ date: string; score: number }> = [];
    for (const [date, score] of [
      ['2026-03-02', 30],
      ['2026-03-05', 33],
      ['2026-03-09', 37],
    ] as const)
      samples = withDailySample(samples, date, score, 31)!;
    const result = readiness({ ...base, history: samples, today: '2026-03-10' });
    // (54 − 30) / 8 days
    expect(result.pacePerDay).toBe(3);
  });
});
