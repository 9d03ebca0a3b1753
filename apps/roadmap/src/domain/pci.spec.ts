import { computePci, completionStatus } from './pci';
import type { RoadmapTopic, TopicMastery } from './roadmap-topic';

const t = (
  topic: string,
  weight: number,
  layer: RoadmapTopic['layer'] = 'core',
  completionThreshold: number | null = null,
): RoadmapTopic => ({
  topic,
  weight,
  layer,
  priority: 1,
  completionThreshold,
  dependencies: [],
  estimatedHours: null,
});
const m = (mastery: number, totalAttempts = 5): TopicMastery => ({ mastery, totalAttempts });

describe('PCI = Σ w(completed) / Σ w', () => {
  const topics = [
    t('arrays', 1),
    t('graphs', 0.7),
    t('math', 0.3, 'optional'),
    t('trees', 0.5, 'advanced', 0.8),
  ];
  const masteries = new Map([
    ['arrays', m(0.65)],
    ['graphs', m(0.59)],
    ['math', m(0.9)],
    ['trees', m(0.75)],
  ]);

  it('weights are relative; score to 4 decimals, percentage to 2', () => {
    const result = computePci(topics, masteries);
    expect(result.totalWeightSum).toBeCloseTo(2.5, 12);
    expect(result.completedWeightSum).toBeCloseTo(1.3, 12);
    expect(result.pciScore).toBe(0.52);
    expect(result.completionPercentage).toBe(52);
    expect(result.topicsCompleted).toBe(2);
    expect(result.topicProgresses.map((p) => [p.topic, p.isCompleted, p.completionStatus])).toEqual(
      [
        ['arrays', true, 'proficient'],
        ['graphs', false, 'in_progress'],
        ['math', true, 'mastered'],
        ['trees', false, 'in_progress'],
      ],
    );
    expect(result.topicProgresses[1].normalizedWeight).toBeCloseTo(0.28, 12);
    expect(result.byLayer).toEqual({
      core: { topicsCompleted: 1, topicsTotal: 2, weightCompleted: 1, weightTotal: 1.7 },
      reinforcement: { topicsCompleted: 0, topicsTotal: 0, weightCompleted: 0, weightTotal: 0 },
      advanced: { topicsCompleted: 0, topicsTotal: 1, weightCompleted: 0, weightTotal: 0.5 },
      optional: { topicsCompleted: 1, topicsTotal: 1, weightCompleted: 0.3, weightTotal: 0.3 },
    });
  });

  it('the masteryThreshold override replaces every threshold', () => {
    expect(computePci(topics, masteries, 0.5).pciScore).toBe(1);
    expect(computePci(topics, masteries, 0.7).pciScore).toBe(round4((0.3 + 0.5) / 2.5));
  });

  it('all completed → exactly 1, whatever the weights', () => {
    const odd = [t('arrays', 0.1), t('graphs', 0.2), t('trees', 0.7), t('math', 0.3, 'optional')];
    const all = new Map(odd.map((x) => [x.topic, m(0.95)]));
    const result = computePci(odd, all);
    expect(result.pciScore).toBe(1);
    expect(result.completionPercentage).toBe(100);
    expect(result.completedWeightSum).toBe(result.totalWeightSum);
  });

  it('reports weight sums without floating-point noise (PCI still from the exact sums)', () => {
    const tenths = [t('arrays', 0.1), t('graphs', 0.2, 'core', 0.99)];
    const result = computePci(tenths, new Map([['arrays', m(0.95)]]));
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(result.totalWeightSum).toBe(0.3);
    expect(result.byLayer.core.weightTotal).toBe(0.3);
    expect(result.pciScore).toBe(round4(0.1 / (0.1 + 0.2)));
  });

  it('a threshold of 0 asks for nothing: every topic is completed, attempted or not', () => {
    expect(computePci([t('arrays', 1), t('graphs', 0.5)], new Map(), 0).pciScore).toBe(1);
  });

  it('no topics or no weight → 0; a topic never attempted is not started', () => {
    expect(computePci([], new Map()).pciScore).toBe(0);
    const result = computePci([t('arrays', 1)], new Map());
    expect(result.topicProgresses[0]).toMatchObject({
      estimatedMastery: 0,
      isCompleted: false,
      completionStatus: 'not_started',
    });
  });
});

describe('topic status', () => {
  it.each([
    [m(0, 0), 0.6, 'not_started'],
    [m(0.2), 0.6, 'started'],
    [m(0.3), 0.6, 'in_progress'],
    [m(0.6), 0.6, 'proficient'],
    [m(0.9), 0.6, 'mastered'],
    [m(0.92), 0.95, 'in_progress'],
    [m(0.95), 0.95, 'mastered'],
  ])('%p with threshold %p → %s', (mastery, threshold, status) => {
    expect(completionStatus(mastery, threshold)).toBe(status);
  });
});

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
